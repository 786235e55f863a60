#!/usr/bin/env bash
# The demo organisation on local replicas: documents, the work schedule and news, imported
# from client/demo/*.jsonl into a fresh workspace, then listed and searched with senctl.
# (The server and the desktop client join this demo as they land.)
set -euo pipefail
cd "$(dirname "$0")/.."
senctl=build/release/bin/senctl
home="${SEN_DEMO_HOME:-demo-home}"
rm -rf "$home"

$senctl --home "$home" db create vanban --kind documents --title "Văn bản đến, đi – Huyện ủy Kim Bảng" >/dev/null
$senctl --home "$home" db create lich --kind calendar --title "Lịch công tác tuần" >/dev/null
$senctl --home "$home" db create tintuc --kind news --title "Tin tức nội bộ" >/dev/null
echo "Imported $($senctl --home "$home" doc import vanban client/demo/documents.jsonl) documents," \
     "$($senctl --home "$home" doc import lich client/demo/calendar.jsonl) schedule entries," \
     "$($senctl --home "$home" doc import tintuc client/demo/news.jsonl) news articles."
echo
echo "== Databases =="
$senctl --home "$home" replica list
echo
echo "== Văn bản =="
$senctl --home "$home" doc list vanban
echo
echo "== Search without diacritics: \"dang uy\" =="
$senctl --home "$home" search vanban "dang uy"
echo
echo "== Search: \"hoi nghi ban chap hanh\" in the schedule =="
$senctl --home "$home" search lich "hoi nghi ban chap hanh"
echo
first=$($senctl --home "$home" search tintuc "chuyen doi so" | head -1 | cut -f1)
echo "== News article $first =="
$senctl --home "$home" doc get tintuc "$first"
echo
echo "Workspace: $home (try: $senctl --home $home doc list lich)"
