// client/core/ErrorText, the one place an error becomes words: with the shipped Vietnamese
// catalogue loaded (the compiled sen_vi.qm the desktop client embeds), every code in every
// situation is a translated sentence that never carries the engine's English message; a few
// sentences pinned; senctl reports its failures through it, one line with the details after.

#include "client/core/ErrorText.h"

#include "client/cli/Senctl.h"
#include "tests/support/TempDir.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace sen;
using client::ErrorContext;
using client::ErrorText;
using client::Situation;

namespace {

// The Vietnamese catalogue installed for one test's scope, so the other tests of this binary
// keep the English source strings.
class Vietnamese
{
public:
    Vietnamese()
    {
        REQUIRE(m_translator.load(QStringLiteral(SEN_QM_VI)));
        REQUIRE(QCoreApplication::installTranslator(&m_translator));
    }
    ~Vietnamese() { QCoreApplication::removeTranslator(&m_translator); }
    Vietnamese(const Vietnamese&) = delete;
    Vietnamese& operator=(const Vietnamese&) = delete;

private:
    QTranslator m_translator;
};

const QString kServer = QStringLiteral("sen.hanoi:1352");
const QString kDatabase = QStringLiteral("vanban");

ErrorContext fullContext(Situation situation)
{
    return {situation, kServer, kDatabase, QStringLiteral("to-trinh.pdf")};
}

// Messages as the engine words them, among them each phrase the mapper tells apart.
QStringList engineMessages()
{
    return {QString(),
            QStringLiteral("cannot connect to sen.hanoi:1352: Connection refused"),
            QStringLiteral("the server did not answer within 30 s"),
            QStringLiteral("connection lost: Remote host closed"),
            QStringLiteral("database or disk is full"),
            QStringLiteral("write /home/an/vanban.sen: No space left on device"),
            QStringLiteral("the peer refused: An/VPTU/HaNoi's certificate (serial 1F) has been revoked"),
            QStringLiteral("the peer refused: An/VPTU/HaNoi's certificate expired on 2026-01-01"),
            QStringLiteral("the peer's certificate is not a server certificate"),
            QStringLiteral("TLS handshake failed: bad record mac"),
            QStringLiteral("vanban is a local database"),
            QStringLiteral("the database on the server is not a replica of this one"),
            QStringLiteral("vanban took the new instance ID 0A1B2C3D and synced again"),
            QStringLiteral("An/VPTU/HaNoi may not change documents in vanban"),
            QStringLiteral("An/VPTU/HaNoi is not named in an Authors item of 0A1B2C3D"),
            QStringLiteral("document 0A1B2C3D is classified (Mật) and may not carry a body"),
            QStringLiteral("the password is too weak: use at least 10 characters"),
            QStringLiteral("no such table: documents")};
}

std::vector<ErrorCode> allCodes()
{
    std::vector<ErrorCode> codes;
    for (qint64 n = 0; const auto code = errorCodeFromInt(n); ++n)
        codes.push_back(*code);
    REQUIRE(codes.size() == 14);
    return codes;
}

} // namespace

TEST_CASE("Every error code in every situation is a Vietnamese sentence without the engine's English",
          "[errortext][i18n]")
{
    const Vietnamese vietnamese;
    static const QRegularExpression placeholder(QStringLiteral("%[0-9]"));
    int checked = 0;
    for (int s = 0; s < client::kSituationCount; ++s) {
        const ErrorContext context = fullContext(static_cast<Situation>(s));
        for (const ErrorCode code : allCodes()) {
            for (const QString& message : engineMessages()) {
                const Status status(code, message);
                const QString sentence = ErrorText::sentence(status, context);
                INFO("situation " << s << ", " << errorCodeName(code) << ", \"" << message.toStdString()
                                  << "\": " << sentence.toStdString());
                REQUIRE_FALSE(sentence.trimmed().isEmpty());
                REQUIRE_FALSE(sentence.contains(placeholder));
                if (!message.isEmpty())
                    REQUIRE_FALSE(sentence.contains(message, Qt::CaseInsensitive));
                // Translated: the catalogue's words, not the English source.
                REQUIRE(sentence.contains(QRegularExpression(QStringLiteral("[ăâđêôơưĂÂĐÊÔƠƯ]"))));
                ++checked;
            }
        }
    }
    REQUIRE(checked == client::kSituationCount * 14 * engineMessages().size());
}

TEST_CASE("Pinned sentences: the words users already know, in Vietnamese and in English", "[errortext]")
{
    const auto login = ErrorContext::of(Situation::LoggingIn);
    const auto sync = ErrorContext::syncing(kServer, kDatabase);
    const auto save = ErrorContext::of(Situation::SavingDocument);
    const Status readOnly(ErrorCode::PermissionDenied,
                          QStringLiteral("An/VPTU/HaNoi may not change documents"));
    {
        const Vietnamese vietnamese;
        CHECK(ErrorText::sentence(ErrorCode::PermissionDenied, QStringLiteral("wrong password"), login) ==
              QString::fromUtf8("Mật khẩu không đúng. Vui lòng thử lại."));
        CHECK(ErrorText::sentence(ErrorCode::IoError, QStringLiteral("cannot connect to sen.hanoi:1352"),
                                  sync) ==
              QString::fromUtf8(
                  "Không kết nối được tới máy chủ sen.hanoi:1352. Hãy kiểm tra kết nối mạng hoặc "
                  "liên hệ bộ phận CNTT; không có dữ liệu nào bị mất, Sen sẽ thử lại ở lần đồng bộ "
                  "tới."));
        CHECK(ErrorText::sentence(readOnly, save) ==
              QString::fromUtf8(
                  "Cơ sở dữ liệu từ chối lưu tài liệu này. Quyền của bạn trong cơ sở dữ liệu này chỉ "
                  "cho phép đọc tài liệu, không được sửa."));
        CHECK(ErrorText::sentence(
                  ErrorCode::NotFound, QString(),
                  ErrorContext::forName(Situation::ExportingAttachment, QStringLiteral("a.pdf")))
                  .startsWith(QString::fromUtf8("“a.pdf” chưa được tải về máy tính này")));
    }
    // English, the source strings (senctl, and the client set to English).
    CHECK(ErrorText::sentence(ErrorCode::PermissionDenied, QStringLiteral("wrong password"), login) ==
          QStringLiteral("The password is wrong. Please try again."));
    CHECK(ErrorText::sentence(readOnly, save) ==
          QStringLiteral("The database refused to save this document. Your access to this database lets you "
                         "read documents but not change them."));
    CHECK(
        ErrorText::sentence(ErrorCode::Internal, QStringLiteral("no such table: documents"),
                            ErrorContext::of(Situation::OpeningDocument)) ==
        QStringLiteral("The document cannot be opened. An unexpected error occurred in Sen. Try again; if it "
                       "happens again, tell the IT office and give them the technical details."));
    CHECK(ErrorText::sentence(Status::ok(), sync) == QStringLiteral("The last sync completed."));
    // The engine's words tell apart what the code alone cannot.
    const auto deleting = ErrorContext::of(Situation::DeletingDocument);
    CHECK(ErrorText::sentence(ErrorCode::NotFound, QStringLiteral("document 0A1B is already deleted"),
                              deleting) ==
          QStringLiteral("This document was already deleted, here or on another computer."));
    CHECK(
        ErrorText::sentence(ErrorCode::NotFound, QStringLiteral("no document 0A1B"), deleting) ==
        QStringLiteral("This document is not in this database: it may have been deleted, here or on another "
                       "computer."));
    CHECK(ErrorText::sentence(ErrorCode::InvalidArgument, QStringLiteral("server.id is not a user's ID file"),
                              login) == QStringLiteral("This file is not a user's ID file."));
    CHECK(
        ErrorText::sentence(ErrorCode::InvalidArgument, QStringLiteral("the ID password is needed"), login) ==
        QStringLiteral(
            "The ID file could not be opened. What was entered is not valid. Check it and try again."));
    CHECK(ErrorText::sentence(ErrorCode::PermissionDenied,
                              QStringLiteral("An/VPTU/HaNoi is not named in the Readers of 0A1B"),
                              ErrorContext::of(Situation::RefusedByServer)) ==
          QStringLiteral("You are not among the readers of this document."));
}

TEST_CASE("The situations of the pages that used to paste the engine's words have sentences of their own",
          "[errortext]")
{
    // What failed names the user's task; the engine's message only picks among sentences.
    CHECK(ErrorText::sentence(ErrorCode::InvalidArgument,
                              QStringLiteral("/tmp/x/a.png is not an image Qt can read"),
                              ErrorContext::forName(Situation::InsertingImage, QStringLiteral("a.png"))) ==
          QStringLiteral(
              "“a.png” could not be inserted: it is not a picture Sen can read. Use a PNG, JPEG, GIF, "
              "BMP or WebP image."));
    CHECK(
        ErrorText::sentence(ErrorCode::IoError, QStringLiteral("sen.ini: Permission denied"),
                            ErrorContext::forDatabase(Situation::SavingSchedule, kDatabase)) ==
        QStringLiteral("The sync schedule of vanban could not be saved. A file could not be read or written. "
                       "Check that the disk or the network folder is available, then try again."));
    CHECK(ErrorText::sentence(ErrorCode::Busy, QStringLiteral("database is locked"),
                              ErrorContext::of(Situation::UpdatingViews))
              .endsWith(QStringLiteral("Sen tries again in a moment.")));
    CHECK(ErrorText::sentence(ErrorCode::Corruption, QStringLiteral("no such table: view_rows"),
                              ErrorContext::of(Situation::OpeningView))
              .startsWith(QStringLiteral("The view cannot be shown. The data on this computer is damaged.")));
    // The self-test: whatever the code, the same advice; said in the user's language.
    const QString selfTest = QStringLiteral(
        "Sen cannot start: the check of its encryption failed, so documents and passwords would "
        "not be safe. Ask the IT office to reinstall Sen.");
    for (const ErrorCode code : {ErrorCode::Internal, ErrorCode::Corruption, ErrorCode::Unsupported})
        CHECK(ErrorText::sentence(code, QStringLiteral("AES-256/GCM known answer mismatch"),
                                  ErrorContext::of(Situation::SelfTest)) == selfTest);
    const Vietnamese vietnamese;
    CHECK(ErrorText::sentence(ErrorCode::Internal, QStringLiteral("AES-256/GCM known answer mismatch"),
                              ErrorContext::of(Situation::SelfTest))
              .startsWith(QString::fromUtf8("Không khởi động được Sen")));
}

TEST_CASE("The engine's words are offered apart, as technical details on one line", "[errortext]")
{
    const Status status(ErrorCode::Corruption, QStringLiteral("page 7:\nbad checksum"));
    CHECK(ErrorText::details(Status::ok()).isEmpty());
    CHECK(ErrorText::details(status) == QStringLiteral("Corruption: page 7: bad checksum"));
    const QString line =
        ErrorText::line(status, ErrorContext::forDatabase(Situation::OpeningDatabase, kDatabase));
    CHECK(line == QStringLiteral(
                      "The database vanban on this computer is damaged. Ask the IT office to restore it from "
                      "the server or from a backup. (Corruption: page 7: bad checksum)"));
    CHECK_FALSE(line.contains(u'\n'));
}

TEST_CASE("senctl says a failure through the mapper: the sentence, then the engine's words",
          "[errortext][senctl]")
{
    test::TempDir dir;
    const auto run = [&](QStringList words, QString* err) {
        words.prepend(dir.root() + QStringLiteral("/home"));
        words.prepend(QStringLiteral("--home"));
        QString out;
        QTextStream outStream(&out), errStream(err);
        const int code = cli::runSenctl(words, outStream, errStream);
        errStream.flush();
        return code;
    };
    QString err;
    REQUIRE(run({QStringLiteral("doc"), QStringLiteral("list"), QStringLiteral("khong-co")}, &err) == 1);
    INFO(err.toStdString());
    CHECK(
        err.startsWith(QStringLiteral("senctl: This workspace has no database named khong-co. (NotFound: ")));
    CHECK(err.count(u'\n') == 1);

    err.clear();
    REQUIRE(run({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("vb"),
                 QStringLiteral("--kind"), QStringLiteral("documents")},
                &err) == 0);
    REQUIRE(run({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("vb"),
                 QStringLiteral("--kind"), QStringLiteral("documents")},
                &err) == 1);
    CHECK(err.startsWith(
        QStringLiteral("senctl: This workspace already has a database named vb. (Conflict: ")));
}

TEST_CASE("A first bundle that makes nothing says why, in Vietnamese", "[errortext][bundle]")
{
    const Vietnamese vietnamese;
    const ErrorContext c =
        ErrorContext::forFile(Situation::ImportingBundle, QString(), QStringLiteral("first.senbundle"));
    const auto said = [&c](ErrorCode code, const char* message) {
        return ErrorText::sentence(code, QString::fromUtf8(message), c);
    };
    const QString lead = QString::fromUtf8("Gói “first.senbundle”");
    const QString notFirst = said(ErrorCode::InvalidArgument,
                                  "the bundle is not a first bundle, so it cannot make a new database");
    CHECK(notFirst.startsWith(lead));
    CHECK(notFirst.contains(QString::fromUtf8("không phải là gói đầu tiên")));
    CHECK(said(ErrorCode::InvalidArgument, "the bundle was written for A/VPTU/HaNoi, not for B/VPTU/HaNoi")
              .contains(QString::fromUtf8("người dùng khác")));
    CHECK(said(ErrorCode::Conflict, "the database vanban is in this workspace already, as vanban")
              .contains(QString::fromUtf8("đã có trong không gian làm việc")));
    CHECK(said(ErrorCode::Conflict, "a database vanban exists in this workspace")
              .contains(QString::fromUtf8("trùng tên")));
}
