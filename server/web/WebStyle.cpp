#include "server/web/WebStyle.h"

namespace sen::server::web {

const QByteArray& styleSheet()
{
    static const QByteArray css = QByteArrayLiteral(
        R"css(:root{--ink:#1d2733;--muted:#5b6775;--line:#dde3ea;--bg:#f4f6f9;--card:#fff;--brand:#a3161a;--link:#0b4f8a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 "Segoe UI","Noto Sans","DejaVu Sans",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
.wrap{max-width:980px;margin:0 auto;padding:0 16px}
header.site{background:var(--brand);color:#fff;border-bottom:4px solid #e3b341}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding-top:12px;padding-bottom:12px}
header.site a{color:#fff}
.brand{font-size:1.25rem;font-weight:700;letter-spacing:.01em}
header.site nav{display:flex;flex-wrap:wrap;align-items:center;gap:4px 18px}
header.site nav a[aria-current]{border-bottom:2px solid #fff}
.signout{display:inline-flex;align-items:center;gap:8px;margin:0}
.signout button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.7);border-radius:4px;padding:2px 10px;font:inherit;cursor:pointer}
main{padding-top:20px;padding-bottom:40px;min-height:60vh}
h1{font-size:1.6rem;line-height:1.3;margin:.4em 0 .6em}
h1,h2,.summary,.lead,.body{overflow-wrap:anywhere}
.categories{display:flex;flex-wrap:wrap;gap:8px;margin:4px 0 8px}
.categories a{background:var(--card);border:1px solid var(--line);border-radius:999px;padding:3px 12px;font-size:.9rem;color:var(--ink)}
.categories a[aria-current]{background:var(--brand);border-color:var(--brand);color:#fff}
ol.articles{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:minmax(0,1fr);gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 18px}
.card h2{font-size:1.15rem;line-height:1.35;margin:0 0 4px}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 6px}
.meta .category{color:var(--brand)}
.summary{margin:0}
.empty{color:var(--muted)}
.pager{display:flex;justify-content:center;align-items:center;gap:16px;margin-top:20px}
.article{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:20px 28px}
.article h1{font-size:1.8rem}
.lead{font-weight:600;font-size:1.05rem}
.body img{max-width:100%;height:auto;display:block;margin:12px auto;border-radius:4px}
.body table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
.body td,.body th{border:1px solid var(--line);padding:4px 8px}
.body blockquote{border-left:4px solid var(--line);margin:0;padding-left:14px;color:var(--muted)}
.files{border-top:1px solid var(--line);margin-top:20px}
.files h2{font-size:1.05rem}
.files li{margin:2px 0}
.week-nav{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin-bottom:12px}
.week-nav a[aria-current]{font-weight:700;color:var(--ink)}
table.week{width:100%;border-collapse:collapse;background:var(--card);font-size:.95rem}
table.week th,table.week td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:left}
table.week thead th{background:#eef1f5}
table.week th.day{width:8.5em;white-space:nowrap}
table.week td.session{width:4.5em;color:var(--muted)}
.entry+.entry{border-top:1px dashed var(--line);margin-top:6px;padding-top:6px}
.entry .time{font-weight:700}
.entry .who{color:var(--muted);font-size:.9rem}
.mark{display:inline-block;font-size:.8rem;font-weight:700;border-radius:4px;padding:0 6px;margin-left:4px}
.mark.changed{background:#fff3cd;color:#7a5200}
.mark.cancelled{background:#f8d7da;color:#842029}
.cancelled .content{text-decoration:line-through}
.signin,.refusal{max-width:420px;margin:24px auto;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:20px 24px}
.signin label{display:block;margin:10px 0;font-weight:600}
.signin input{display:block;width:100%;margin-top:4px;padding:8px;font:inherit;border:1px solid #b9c2cc;border-radius:4px}
button,.button{background:var(--brand);color:#fff;border:0;border-radius:4px;padding:8px 16px;font:inherit;cursor:pointer;display:inline-block}
.button{margin-right:12px}
.hint{color:var(--muted);font-size:.9rem}
.error{color:#842029;background:#f8d7da;border-radius:4px;padding:6px 10px}
footer.site{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding:16px 0}
@media (max-width:640px){
body{font-size:15px}
h1{font-size:1.35rem}
.article{padding:14px 14px}
.article h1{font-size:1.4rem}
.card{padding:12px 14px}
table.week thead{display:none}
table.week,table.week tbody,table.week tr,table.week th,table.week td{display:block;width:auto}
table.week tr{border-bottom:2px solid var(--line)}
table.week th.day{background:#eef1f5;width:auto}
table.week td.session{width:auto;font-weight:700;border-bottom:0}
}
)css");
    return css;
}

} // namespace sen::server::web
