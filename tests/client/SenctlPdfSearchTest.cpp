// senctl search finds the words of a PDF attachment's text layer (docs/search.md
// §Attachments), run in-process under this suite's plain QCoreApplication, as senctl runs
// `search`: Qt PDF reads text without Qt Gui's application object or a platform plugin. The
// PDF is written byte by byte here (one page, Helvetica), since writing one with QPdfWriter
// would need a QGuiApplication.

#include "client/cli/Senctl.h"
#include "client/pdf/PdfTextReader.h"
#include "tests/support/TempDir.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// A one-page PDF showing `line` (ASCII) in Helvetica, with a correct cross-reference table.
QByteArray helveticaPdf(const QByteArray& line)
{
    const QByteArray stream = "BT /F1 14 Tf 72 720 Td (" + line + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

TEST_CASE("senctl search finds a word of a PDF attachment's text layer under a QCoreApplication",
          "[senctl][pdf]")
{
    REQUIRE(qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr);
    pdf::installPdfTextReader(); // as senctl's main does

    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    const auto run = [&](QStringList words) {
        words.prepend(home);
        words.prepend(QStringLiteral("--home"));
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = cli::runSenctl(words, outStream, errStream);
        outStream.flush();
        errStream.flush();
        INFO(err.toStdString());
        REQUIRE(code == 0);
        return out.trimmed();
    };
    run({S("db"), S("create"), S("vb"), S("--kind"), S("documents"), S("--title"), S("Văn bản")});
    const QString path = dir.path(QStringLiteral("quyet-dinh.pdf"));
    REQUIRE(test::writeFile(path, helveticaPdf("Quyet dinh phe duyet ke hoach tuyen dung vien chuc")));
    const QString unid = run({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--set"),
                              S("TrichYeu=Công văn của Sở Nội vụ"), S("--attach"), path});
    REQUIRE(unid.size() == 32);

    // Typed with diacritics, found in a text layer without: the same folding both ways.
    const QString hits = run({S("search"), S("vb"), S("tuyển dụng")});
    CHECK(hits.startsWith(unid));
    CHECK(hits.contains(S("[tuyen] [dung]")));
    CHECK(run({S("search"), S("--all"), S("vien chuc")}).startsWith(unid));
    CHECK(run({S("search"), S("vb"), S("cong van phe duyet")}).startsWith(unid));
    CHECK(run({S("search"), S("vb"), S("bien ban")}).isEmpty());
}
