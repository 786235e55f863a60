// The PDF text reader (client/pdf/PdfTextReader.h) on PDFs made in the test: Vietnamese text
// read back as written, the page and character bounds, and bytes that are no PDF or a cut one
// read as unreadable, never a crash.

#include "client/pdf/PdfTextReader.h"

#include "tests/pdf/PdfFixture.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

TEST_CASE("PDF text: a Vietnamese text layer is read back page by page", "[pdf]")
{
    const QByteArray pdf =
        test::makePdf({S("Quyết định về việc phê duyệt kế hoạch"), S("Trang hai: Đảng ủy phường Láng Hạ")});
    const app::PdfText text = pdf::readPdfText(pdf, 50, 100'000);
    CHECK(text.readable);
    CHECK(text.pages == 2);
    CHECK(text.text.contains(S("Quyết định về việc phê duyệt kế hoạch")));
    CHECK(text.text.contains(S("Đảng ủy phường Láng Hạ")));
    CHECK(text.text.indexOf(S("Quyết")) < text.text.indexOf(S("Trang hai")));
}

TEST_CASE("PDF text: at most the pages and characters asked for", "[pdf]")
{
    const QByteArray pdf = test::makePdf({S("Trang một"), S("Trang hai"), S("Trang ba")});
    const app::PdfText twoPages = pdf::readPdfText(pdf, 2, 100'000);
    CHECK(twoPages.pages == 2);
    CHECK(twoPages.text.contains(S("Trang hai")));
    CHECK_FALSE(twoPages.text.contains(S("Trang ba")));

    const app::PdfText short6 = pdf::readPdfText(pdf, 50, 6);
    CHECK(short6.readable);
    CHECK(short6.text == S("Trang "));
}

TEST_CASE("PDF text: bytes that are no PDF, or a cut one, are unreadable", "[pdf]")
{
    const QByteArray pdf = test::makePdf({S("Công văn")});
    const QByteArray garbage = QByteArray("%PDF-1.4\n%garbage\n") + QByteArray(4000, '\xff');
    for (const QByteArray& bytes : std::vector<QByteArray>{QByteArray(), QByteArray("not a pdf at all"),
                                                           pdf.left(pdf.size() / 3), garbage}) {
        INFO("bytes " << bytes.size());
        const app::PdfText text = pdf::readPdfText(bytes, 50, 100'000);
        CHECK_FALSE(text.readable);
        CHECK(text.text.isEmpty());
    }
}
