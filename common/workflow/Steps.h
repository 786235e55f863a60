#pragma once

// The steps of processing an incoming document (docs/workflow.md; issue #14; ND 30 Art. 20–24
// and Phụ lục IV "Phiếu giải quyết văn bản đến"). Each step is its own response document,
// written once by one person and never rewritten (a change is a new step), so concurrent
// offline steps replicate without conflicts and every replica derives the same state from
// the same set (Processing.h):
// - a **presentation** (form TrinhVanBan, a response of the incoming document): the văn thư
//   presents it to the leaders (`TrinhCho`);
// - a **direction** (form PhieuXuLy, a response of the incoming document): an opinion of the
//   agency's leader (level 1) or of a unit's head (level 2) — the direction (ý kiến chỉ đạo),
//   who leads (chủ trì), who co-ordinates (phối hợp), a deadline; a level-2 direction names
//   the direction it carries out (`GiaoTu`);
// - a **report** (form BaoCaoXuLy, a response of a direction): the handler's opinion (level 3:
//   đề xuất) and progress — in progress, done or returned — as lead or co-ordinator.
// GUI-free, shared by the client (to derive and to offer) and the server (StepCheck.h).

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace sen::workflow {

inline constexpr const char* kIncomingForm = "VanBanDen";
inline constexpr const char* kPresentationForm = "TrinhVanBan";
inline constexpr const char* kDirectionForm = "PhieuXuLy";
inline constexpr const char* kReportForm = "BaoCaoXuLy";

// Items of a presentation.
inline constexpr const char* kItemPresenter = "NguoiTrinh"; // Names: who presented (the author)
inline constexpr const char* kItemPresentedTo = "TrinhCho"; // Names: the leaders, a group or a role
inline constexpr const char* kItemTime = "ThoiGian";        // DateTime: when (presentation, report)
inline constexpr const char* kItemNote = "GhiChu";          // Text
// Items of a direction.
inline constexpr const char* kItemLevel = "CapYKien";            // Text: kLevelAgency or kLevelUnit
inline constexpr const char* kItemDirector = "NguoiGiao";        // Names: who directs (the author)
inline constexpr const char* kItemDirectedAt = "NgayGiao";       // DateTime: when
inline constexpr const char* kItemDirection = "NoiDungChiDao";   // Text: ý kiến chỉ đạo
inline constexpr const char* kItemLead = "NguoiXuLy";            // Names: chủ trì (people, groups, roles)
inline constexpr const char* kItemCoordinating = "NguoiPhoiHop"; // Names: phối hợp
inline constexpr const char* kItemDeadline = "HanXuLy";          // DateTime (a day): hạn giải quyết
inline constexpr const char* kItemDelegatedFrom = "GiaoTu"; // Text: UNID (hex) of the direction carried out
// Items of a report.
inline constexpr const char* kItemReporter = "NguoiBaoCao"; // Names: who reports (the author)
inline constexpr const char* kItemStatus = "TrangThai";     // Text: kStatus*
inline constexpr const char* kItemPart = "VaiTro";          // Text: kPartLead or kPartCoordinating
inline constexpr const char* kItemText = "NoiDung";         // Text: the report or proposal
inline constexpr const char* kItemReply = "VanBanTraLoi";   // Text: số, ký hiệu of the reply, if any

// The stored words (data, never translated).
inline constexpr const char16_t* kLevelAgency = u"Lãnh đạo cơ quan";
inline constexpr const char16_t* kLevelUnit = u"Lãnh đạo đơn vị";
inline constexpr const char16_t* kStatusInProgress = u"Đang xử lý";
inline constexpr const char16_t* kStatusDone = u"Hoàn thành";
inline constexpr const char16_t* kStatusReturned = u"Trả lại";
inline constexpr const char16_t* kPartLead = u"Chủ trì";
inline constexpr const char16_t* kPartCoordinating = u"Phối hợp";

// The ACL roles that may write each kind of step (docs/workflow.md "Who writes what").
inline constexpr const char* kRoleClerk = "[VanThu]";
inline constexpr const char* kRoleLeader = "[LanhDao]";
inline constexpr const char* kRoleUnitHead = "[TruongPhong]";

// Bounds a step must keep (the server refuses a step beyond them).
inline constexpr int kMaxStepText = 4000; // characters of a direction, report or note
inline constexpr int kMaxStepNames = 50;  // names in one names item
inline constexpr int kMaxReplyLength = 200;

enum class StepKind
{
    Presentation,
    Direction,
    Report,
};

enum class Level
{
    Agency = 1, // lãnh đạo cơ quan
    Unit = 2,   // lãnh đạo đơn vị
};

enum class ReportStatus
{
    InProgress,
    Done,
    Returned,
};

enum class Part
{
    Lead,
    Coordinating,
};

struct Step
{
    Unid unid;
    std::optional<Unid> parent;
    StepKind kind = StepKind::Presentation;
    QString author;      // the one name of its author item
    QDateTime time;      // UTC
    HlcTime stamped = 0; // the hybrid-clock stamp of the time item: orders the steps of one time
    QString text;        // the note, direction or report
    // A presentation.
    QStringList presentedTo;
    // A direction.
    Level level = Level::Agency;
    QStringList lead;
    QStringList coordinating;
    QDate deadline; // null: none
    std::optional<Unid> delegatedFrom;
    // A report.
    ReportStatus status = ReportStatus::InProgress;
    Part part = Part::Lead;
    QString reply;
};

// Whether `form` is the form of a step.
bool isStepForm(const QString& form);
// The step a live document of a step form describes; InvalidArgument naming what is wrong
// for anything outside the rules above and the bounds (a missing or second author, no time,
// an unknown level, status or part, a direction without a lead, a name that is not a name,
// text too long, a report that is not a response).
Result<Step> stepFromDocument(const Document& doc);

// The stored words of each value, and back (nullopt for anything else).
QString levelWord(Level level);
std::optional<Level> levelFromWord(const QString& word);
QString statusWord(ReportStatus status);
std::optional<ReportStatus> statusFromWord(const QString& word);
QString partWord(Part part);
std::optional<Part> partFromWord(const QString& word);

} // namespace sen::workflow
