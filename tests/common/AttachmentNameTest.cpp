// The attachment name rule (model/AttachmentName.h) shared by the server's push check and the
// client's open/save: every hostile name reduces to a plain file name, plain names stay as
// they are, and reducing twice changes nothing.

#include "common/model/AttachmentName.h"

#include <catch2/catch.hpp>

using namespace sen;

namespace {
QString U(const char* utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

TEST_CASE("Hostile name: each bad attachment name reduces to a plain file name", "[attachments][names]")
{
    // Names a hostile peer can put in an attachment item, and what the client writes instead.
    const std::vector<std::pair<QString, QString>> cases = {
        {U("../../.bashrc"), U(".bashrc")},
        {U("..\\..\\Startup\\run.bat"), U("run.bat")},
        {U("/etc/passwd"), U("passwd")},
        {U("C:\\Windows\\evil.dll"), U("evil.dll")},
        {U(".."), U("attachment")},
        {U("."), U("attachment")},
        {U(""), U("attachment")},
        {U("thư mục/"), U("attachment")},
        {U("hóa đơn\u202Efdp.exe"), U("hóa đơnfdp.exe")},
        {U("báo\u200Bcáo.pdf"), U("báocáo.pdf")},
        {U("tab\tand\nnewline\r.txt"), U("tabandnewline.txt")},
        {U("a\u2028b.txt"), U("ab.txt")},
        {U("report.pdf. . "), U("report.pdf")},
        {U("  leading.txt"), U("leading.txt")},
        {U("CON"), U("_CON")},
        {U("nul.txt"), U("_nul.txt")},
        {U("Com1.log"), U("_Com1.log")},
        {U("lpt9"), U("_lpt9")},
        {U("a<b>c:d\"e|f?g*h.txt"), U("a_b_c_d_e_f_g_h.txt")},
    };
    for (const auto& [hostile, plain] : cases) {
        INFO(hostile.toStdString());
        CHECK(plainFileName(hostile) == plain);
        CHECK(isPlainFileName(plainFileName(hostile)));
        CHECK_FALSE(isPlainFileName(hostile));
    }
}

TEST_CASE("Hostile name: a very long name is cut to the limit, keeping its extension", "[attachments][names]")
{
    const QString longName = QString(500, u'ư') + QStringLiteral(".docx");
    const QString plain = plainFileName(longName);
    CHECK(plain.size() == kMaxAttachmentNameLength);
    CHECK(plain.endsWith(QStringLiteral(".docx")));
    CHECK(isPlainFileName(plain));
    CHECK_FALSE(isPlainFileName(longName));
    // A surrogate pair is never split.
    QString emoji;
    for (int i = 0; i < 150; ++i)
        emoji += U("😀");
    const QString cut = plainFileName(emoji);
    CHECK(cut.size() <= kMaxAttachmentNameLength);
    CHECK_FALSE(cut.back().isHighSurrogate());
    CHECK(isPlainFileName(cut));
}

TEST_CASE("Plain Vietnamese and ordinary file names are kept as they are", "[attachments][names]")
{
    for (const QString& name :
         {U("Báo cáo quý 3 năm 2026.pdf"), U(".bashrc"), U("a..b.txt"), U("CONTRACT.doc"),
          U("image-1a2b3c4d.png"), U("Tờ trình (bản cuối).docx"), U("COM10.txt")}) {
        INFO(name.toStdString());
        CHECK(isPlainFileName(name));
        CHECK(plainFileName(name) == name);
    }
}
