#!/usr/bin/env bash
# The demo organisation: a sen-server on loopback holding the district party committee's
# documents, work schedule and news (client/demo/*.jsonl), and a cadre's senctl workspace
# logged in with its ID file, replicating all three over TLS, then working offline and
# syncing back; finally the desktop client `sen` opens the cadre's workspace, logged in,
# while the server keeps running (with no display, it renders its screens to PNG files).
set -euo pipefail
cd "$(dirname "$0")/.."
# SEN_DEMO_BIN: another build's binaries (the CTest demo_cleanup runs the build under test).
bin="${SEN_DEMO_BIN:-build/release/bin}"
root="${SEN_DEMO_HOME:-demo-home}"
rm -rf "$root"
mkdir -p "$root"
data="$root/server"
export SEN_PASSWORD="${SEN_DEMO_PASSWORD:-sen-demo-2026}"
org="HuyenUy/KimBang"

server() { "$bin/sen-server" --data "$data" "$@"; }
as_clerk() { "$bin/senctl" --home "$root/van-thu" "$@"; }
as_cadre() { "$bin/senctl" --home "$root/can-bo" "$@"; }
as_leader() { "$bin/senctl" --home "$root/lanh-dao" "$@"; }

echo "== The IT centre sets up the organisation $org =="
server init --org "$org" --admin "Quản Trị" --admin-id "$root/quan-tri.id" --server "may-chu" >/dev/null
server register --user "Văn Thư" --id "$root/van-thu.id" >/dev/null
server register --user "Nguyễn Văn An" --id "$root/nguyen-van-an.id" >/dev/null
server register --user "Lê Văn Lãnh" --id "$root/le-van-lanh.id" >/dev/null
server db create vanban --kind documents --title "Văn bản đến, đi – Huyện ủy Kim Bảng" >/dev/null
server db create lich --kind calendar --title "Lịch công tác tuần" >/dev/null
server db create tintuc --kind news --title "Tin tức nội bộ" >/dev/null
# The văn thư keeps the office's registers and catalogues (docs/catalogues.md): a Designer,
# who presents incoming documents ([VanThu]); the Bí thư directs them ([LanhDao]); the cadre
# reports on what he is given (docs/workflow.md).
for db in vanban lich tintuc; do
    server acl set "$db" "Văn Thư/$org" designer --role VanThu >/dev/null
    server acl set "$db" "Lê Văn Lãnh/$org" editor --role LanhDao >/dev/null
    server acl set "$db" "Nguyễn Văn An/$org" author --create >/dev/null
done
server acl list vanban

port_file="$root/server.out"
# Started directly, not through server(): $! must be sen-server itself, or the trap would
# stop only the subshell running the function and leave the server behind.
"$bin/sen-server" --data "$data" run --listen 127.0.0.1:0 >"$port_file" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$port_file" 2>/dev/null && break
    sleep 0.1
done
address=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$port_file")
echo
cat "$port_file"

echo
echo "== The clerk (văn thư) registers the documents, schedule and news, and syncs =="
as_clerk login --id "$root/van-thu.id"
for db in vanban lich tintuc; do as_clerk replica add "$address" "$db"; done
# The office's own catalogue entries: the bodies that write to it, its units, its news
# categories; and its abbreviation on the outgoing register, from which ký hiệu are composed.
while IFS='|' read -r name abbreviation; do
    as_clerk catalog add vanban --catalogue CoQuanBanHanh --name "$name" --abbreviation "$abbreviation" >/dev/null
done <<'BODIES'
Tỉnh ủy Hà Nam|TU
Ban Tuyên giáo Tỉnh ủy|BTGTU
Ủy ban Kiểm tra Tỉnh ủy|UBKTTU
Huyện ủy Kim Bảng|HU
Văn phòng Huyện ủy|VPHU
Ủy ban nhân dân huyện Kim Bảng|UBND
BODIES
for unit in "Văn phòng Huyện ủy" "Ban Tổ chức Huyện ủy" "Ban Tuyên giáo Huyện ủy" "Ban Dân vận Huyện ủy" \
    "Ủy ban Kiểm tra Huyện ủy"; do
    as_clerk catalog add vanban --catalogue DonVi --name "$unit" >/dev/null
    as_clerk catalog add lich --catalogue DonVi --name "$unit" >/dev/null
done
as_clerk catalog add tintuc --catalogue ChuyenMuc --name "Hoạt động của Huyện ủy" --order 0 >/dev/null
as_clerk catalog retire tintuc --catalogue ChuyenMuc --name "Hoạt động của cấp ủy"
outgoing_register=$(as_clerk register list vanban | awk -F'\t' '$2 == "Di" && $3 != "mat" { print $NF; exit }')
as_clerk doc update vanban "$outgoing_register" --set KyHieuCoQuan=HU >/dev/null
echo "Imported $(as_clerk doc import vanban client/demo/documents.jsonl) documents," \
     "$(as_clerk doc import lich client/demo/calendar.jsonl) schedule entries," \
     "$(as_clerk doc import tintuc client/demo/news.jsonl) news articles."
# An article with a picture: the image is an attachment of the article, shown in its body.
as_clerk doc create tintuc --form TinTuc --set "TieuDe=Lễ chào cờ đầu tháng 12 tại trụ sở Huyện ủy" \
    --set "ChuyenMuc=Hoạt động của Huyện ủy" --set "NgayDang:datetime=2026-12-01T00:30:00Z" \
    --set "TacGia=Văn phòng Huyện ủy" \
    --set "TomTat=Sáng 01/12, cán bộ, công chức cơ quan Huyện ủy dự lễ chào cờ và nghe phổ biến nhiệm vụ tháng 12." \
    --set 'NoiDung:richtext=<p>Dự lễ có các đồng chí trong Ban Thường vụ Huyện ủy và toàn thể cán bộ, công chức các ban xây dựng Đảng.</p><p><img src="attachment:co-to-quoc.png"></p><p>Đồng chí Chánh Văn phòng Huyện ủy quán triệt nhiệm vụ trọng tâm tháng cuối năm: hoàn thành báo cáo tổng kết, chuẩn bị hội nghị Ban Chấp hành.</p>' \
    --attach client/demo/co-to-quoc.png >/dev/null
# Two meetings invite people by their directory names, a role and an outside body
# (docs/schedule.md "Invitations"): one in the demo's week, one two days from now, which waits
# for the cadre's reply on his home page.
invite() {
    as_clerk doc create lich --form LichCongTac --set "Ngay:datetime=$1" --set "Gio=$2" --set "NoiDung=$3" \
        --set "ChuTri=Đồng chí Bí thư Huyện ủy" --set "DiaDiem=$4" \
        --set "ThanhPhan:textlist=[LanhDao];Nguyễn Văn An/$org;Văn Thư/$org;Đại diện Sở Thông tin và Truyền thông"
}
so_ket=$(invite 2026-11-27 08:00 "Hội nghị sơ kết công tác chuyển đổi số năm 2026" "Hội trường Huyện ủy")
invite "$(date -d '+2 days' +%Y-%m-%d)" 14:00 "Làm việc với Sở Thông tin và Truyền thông về hạ tầng số" \
    "Phòng họp số 1" >/dev/null
as_clerk sync

echo
echo "== The văn thư presents the new incoming documents; the Bí thư directs them =="
mapfile -t incoming < <(as_clerk doc list vanban --form VanBanDen | cut -f1)
for unid in "${incoming[@]:0:5}"; do
    as_clerk slip present vanban "$unid" --to "[LanhDao]" --note "Kính trình đồng chí Bí thư" >/dev/null
done
as_clerk sync vanban
as_leader login --id "$root/le-van-lanh.id"
as_leader replica add "$address" vanban
day() { date -d "$1" +%Y-%m-%d; }
soon=$(as_leader slip create vanban "${incoming[0]}" --lead "Nguyễn Văn An/$org" --with "Văn Thư/$org" \
    --deadline "$(day '+1 day')" --direction "Giao đồng chí An chủ trì tham mưu kế hoạch triển khai, báo cáo trước hạn.")
late=$(as_leader slip create vanban "${incoming[1]}" --lead "Nguyễn Văn An/$org" \
    --deadline "$(day '-3 days')" --direction "Đồng chí An nghiên cứu, đề xuất nội dung tuyên truyền.")
as_leader slip create vanban "${incoming[2]}" --lead "Văn Thư/$org" --with "Nguyễn Văn An/$org" \
    --deadline "$(day '+12 days')" --direction "Văn phòng chủ trì, phối hợp chuẩn bị hội nghị." >/dev/null
as_leader sync vanban
echo "Directions: $soon (due soon), $late (overdue)"

echo
echo "== The Bí thư approves and publishes the week's work schedule (docs/schedule.md) =="
as_leader replica add "$address" lich
as_leader schedule approve lich --week 2026-W48 >/dev/null
as_leader schedule publish lich --week 2026-W48 >/dev/null
giao_ban=$(as_leader doc list lich --form LichCongTac | grep "Giao ban" | cut -f1)
as_leader schedule change lich "$giao_ban" --reason "Lùi giờ giao ban sang 8 giờ" --set Gio=08:00 >/dev/null
as_leader invitation reply lich "$so_ket" --attend --note "Thường trực dự, đồng chí Bí thư chủ trì" >/dev/null
as_leader sync lich
as_leader schedule week lich --week 2026-W48

echo
echo "== A cadre logs in and adds the three databases from the server =="
as_cadre login --id "$root/nguyen-van-an.id"
for db in vanban lich tintuc; do as_cadre replica add "$address" "$db"; done
as_cadre replica list
echo
echo "== Invitations: the cadre and the văn thư reply; everyone sees the same list and counts =="
as_cadre invitation reply lich "$so_ket" --attend --note "Báo cáo tham luận về số hóa hồ sơ" >/dev/null
as_clerk invitation reply lich "$so_ket" --decline --note "Trực cơ quan" >/dev/null
as_cadre sync lich
as_clerk sync lich
as_cadre sync lich
as_cadre invitation show lich "$so_ket"
echo "Awaiting the cadre's reply:"
as_cadre invitation list lich --pending
echo
echo "== Văn bản =="
as_cadre doc list vanban --form VanBanDen,VanBanDi,VanBanNoiBo
echo
echo "== Sổ đăng ký and the catalogue of issuing bodies =="
as_cadre register list vanban
as_cadre catalog list vanban --catalogue CoQuanBanHanh
echo
echo "== Search without diacritics: \"dang uy\" =="
as_cadre search vanban "dang uy"
echo
echo "== Search: \"hoi nghi ban chap hanh\" in the schedule =="
as_cadre search lich "hoi nghi ban chap hanh"
echo
echo "== The news (docs/news-reader.md): categories with unread/articles, the list, one article =="
as_cadre news categories tintuc
as_cadre news list tintuc --category "Chuyển đổi số"
first=$(as_cadre search tintuc "chuyen doi so" | head -1 | cut -f1)
as_cadre news read tintuc "$first"

echo
echo "== The cadre reports on the direction he leads; the document's trace =="
as_cadre slip report vanban "$soon" --status in-progress --text "Đã dự thảo kế hoạch, đang xin ý kiến các ban." >/dev/null
as_cadre sync vanban
as_cadre slip show vanban "${incoming[0]}"

echo
echo "== Offline: the cadre drafts a schedule entry, then syncs; the clerk receives it =="
as_cadre doc create lich --form LichCongTac --set "NoiDung=Họp chi bộ Văn phòng tháng 12" \
    --set "Buoi=Chiều" --set "Ngay:datetime=2026-12-01" --set "DiaDiem=Phòng họp số 2" >/dev/null
as_cadre sync lich
as_clerk sync lich
as_clerk search lich "hop chi bo"

echo
echo "== The server's view of every replica, and its audit chain =="
server replicas lich
server audit verify
echo
echo "Workspaces: $root/van-thu, $root/lanh-dao, $root/can-bo; server data: $data"
echo "(try: SEN_PASSWORD=$SEN_PASSWORD $bin/senctl --home $root/can-bo doc list lich)"

echo
if [ "${SEN_DEMO_GUI:-yes}" = "no" ]; then
    exit 0
elif [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "== The desktop client, logged in as Nguyễn Văn An (close it to stop the server) =="
    "$bin/sen" --home "$root/can-bo"
else
    echo "== No display: the desktop client renders its screens to $root/screens =="
    # Qt wants a private runtime directory; a headless session often has none.
    export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$root/runtime}"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
    QT_QPA_PLATFORM=offscreen "$bin/sen" --home "$root/can-bo" --screenshots "$root/screens"
    ls "$root/screens"
fi
