#pragma once

// The weekly work schedule's records (lịch công tác tuần, docs/schedule.md; issue #15): the
// names of its forms, items and roles, the ISO week, and the state of a week and the mark of
// an entry derived from records that are written once and never rewritten — as the processing
// of incoming documents derives its state from its steps (docs/workflow.md):
//
// - an entry (LichCongTac) is an ordinary document of the calendar database;
// - a week action (DuyetLichTuan: approve or publish a week) is a top-level document;
// - a change record (ThayDoiLich: "Thay đổi" or "Hoãn/Hủy") is a response of an entry.
//
// Two people approving, publishing or changing offline at once write two documents, which
// replicate without conflict; every replica holding the same records derives the same state.
// Pure functions, GUI-free; parsing fails with InvalidArgument naming the bad item.

#include "common/acl/EffectiveAccess.h"
#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QDate>
#include <QDateTime>

#include <optional>
#include <vector>

namespace sen::schedule {

inline constexpr const char* kEntryForm = "LichCongTac";
inline constexpr const char* kWeekActionForm = "DuyetLichTuan";
inline constexpr const char* kChangeForm = "ThayDoiLich";

// Entry items.
inline constexpr const char* kItemDate = "Ngay";               // DateTime, the day at midnight UTC
inline constexpr const char* kItemSession = "Buoi";            // "Sáng" / "Chiều"
inline constexpr const char* kItemTime = "Gio";                // "07:30"
inline constexpr const char* kItemContent = "NoiDung";         // nội dung
inline constexpr const char* kItemPresiding = "ChuTri";        // chủ trì
inline constexpr const char* kItemParticipants = "ThanhPhan";  // thành phần
inline constexpr const char* kItemPlace = "DiaDiem";           // địa điểm
inline constexpr const char* kItemPreparing = "DonViChuanBi";  // đơn vị chuẩn bị
inline constexpr const char* kItemServing = "LanhDaoVanPhong"; // LĐVP phục vụ
inline constexpr const char* kItemNote = "GhiChu";             // ghi chú
// In a published week, each change of an entry adds an item named after its change record:
// "ThayDoi_" + the record's UNID in hex, holding the record's kind word. One item per record, so
// two changes made offline at once add two items and merge without conflict.
inline constexpr const char* kItemChangePrefix = "ThayDoi_";
// Week action items.
inline constexpr const char* kItemWeek = "Tuan";           // "2026-W50"
inline constexpr const char* kItemAction = "HanhDong";     // "Duyệt" / "Công bố"
inline constexpr const char* kItemActor = "NguoiThucHien"; // Names: exactly the author
inline constexpr const char* kItemAt = "ThoiGian";         // DateTime
// Change record items (and kItemAt).
inline constexpr const char* kItemChangeKind = "LoaiThayDoi"; // "Thay đổi" / "Hoãn/Hủy"
inline constexpr const char* kItemReason = "LyDo";            // what changed, or why cancelled
inline constexpr const char* kItemChangedBy = "NguoiThayDoi"; // Names: exactly the author

// Roles of the calendar database's ACL.
inline constexpr const char* kRoleOffice = "[VanPhong]";     // prepares the week, logs changes
inline constexpr const char* kRoleChief = "[ChanhVanPhong]"; // approves, publishes, logs changes
inline constexpr const char* kRoleLeader = "[LanhDao]";      // approves, publishes, logs changes

inline constexpr int kMaxText = 4000;
inline constexpr int kMaxLine = 500;
inline constexpr int kMaxValues = 100;

// An ISO 8601 week ("2026-W50"): Monday to Sunday.
struct WeekId
{
    int year = 0;
    int week = 0;

    static WeekId of(const QDate& day);
    // "YYYY-Www"; nullopt when malformed or the week does not exist in that year.
    static std::optional<WeekId> parse(const QString& text);
    QString toString() const;
    QDate monday() const;
    QDate sunday() const { return monday().addDays(6); }
    WeekId next() const { return of(monday().addDays(7)); }
    WeekId previous() const { return of(monday().addDays(-7)); }
    friend bool operator==(const WeekId&, const WeekId&) = default;
};

enum class WeekState
{
    Draft = 0,     // dự thảo
    Approved = 1,  // đã duyệt
    Published = 2, // đã công bố
};
enum class WeekActionKind
{
    Approve = 0,
    Publish = 1,
};
enum class ChangeKind
{
    Changed = 0,   // Thay đổi
    Cancelled = 1, // Hoãn/Hủy
};
enum class EntryMark
{
    None = 0,
    Changed = 1,
    Cancelled = 2,
};

QString actionWord(WeekActionKind kind);
QString changeWord(ChangeKind kind);
// The source (English) names, for tr() in the client.
const char* stateSourceName(WeekState state);
const char* markSourceName(EntryMark mark);

struct WeekAction
{
    Unid unid;
    WeekId week;
    WeekActionKind kind = WeekActionKind::Approve;
    QString actor;
    QDateTime time;
};

struct ChangeRecord
{
    Unid unid;
    Unid entry;
    ChangeKind kind = ChangeKind::Changed;
    QString reason;
    QString author;
    QDateTime time;
};

Result<WeekAction> weekActionFromDocument(const Document& doc);
Result<ChangeRecord> changeFromDocument(const Document& doc);

struct WeekStatus
{
    WeekState state = WeekState::Draft;
    std::optional<WeekAction> approval;    // the first approval of the week
    std::optional<WeekAction> publication; // the first publication of the week
};

// The state of `week` from every week action known (other weeks' are ignored).
WeekStatus deriveWeek(const WeekId& week, const std::vector<WeekAction>& actions);
// The mark of an entry from its change records: the newest (by time, then UNID) decides.
EntryMark deriveMark(const std::vector<ChangeRecord>& changes);
// Orders change records oldest first (time, then UNID): the change log.
void sortChanges(std::vector<ChangeRecord>& changes);

// The item of an entry naming the change record `record`, and the record an item names.
QString changeItemName(const Unid& record);
std::optional<Unid> changeItemRecord(const QString& itemName);

// The day of an entry (its Ngay item's date in UTC); null when it has none.
QDate entryDate(const Document& entry);
// Whether `access` holds one of `roles` (ACL roles compare case-insensitively).
bool holdsAnyRole(const acl::EffectiveAccess& access, std::initializer_list<const char*> roles);

} // namespace sen::schedule
