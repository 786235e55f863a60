// Errors the pages show are ErrorText's sentences in the user's language, never the engine's
// English pasted into them (issue #12 point 4): a deletion of a document purged meanwhile,
// an image that is not one, a conflict in a database this workspace lacks. The engine's words
// stay available apart, as a tooltip or behind a message box's "Show Details...".

#include "client/core/ErrorText.h"
#include "client/gui/conflicts/ConflictDialog.h"
#include "client/gui/i18n/Language.h"
#include "tests/gui/GuiFixture.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>

using namespace sen;
using sen::test::answerNextMessageBox;
using sen::test::fill;
using sen::test::GuiFixture;

namespace {

// Sen in Vietnamese for one test, English again after it.
class Vietnamese
{
public:
    Vietnamese() { REQUIRE(gui::Translations::install(app(), gui::Language::Vietnamese)); }
    ~Vietnamese() { gui::Translations::install(app(), gui::Language::English); }
    Vietnamese(const Vietnamese&) = delete;
    Vietnamese& operator=(const Vietnamese&) = delete;

private:
    static QApplication& app() { return *qobject_cast<QApplication*>(QCoreApplication::instance()); }
};

bool isVietnamese(const QString& text)
{
    static const QRegularExpression marks(QStringLiteral("[ăâđêôơưĂÂĐÊÔƠƯ]"));
    return text.contains(marks);
}

QLabel& formProblem(gui::DocumentPage& page)
{
    auto* label = page.findChild<QLabel*>(QStringLiteral("formProblem"));
    REQUIRE(label);
    return *label;
}

} // namespace

TEST_CASE("Deleting a document purged meanwhile says so in Vietnamese; the engine's words are the tooltip",
          "[gui][errortext]")
{
    const Vietnamese vietnamese;
    GuiFixture fx;
    auto created = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    fill(*created, QStringLiteral("SoDen"), QStringLiteral("7"));
    fill(*created, QStringLiteral("SoKyHieu"), QStringLiteral("312/UBND-VP"));
    fill(*created, QStringLiteral("NgayBanHanh"), QStringLiteral("17/11/2026"));
    fill(*created, QStringLiteral("CoQuanBanHanh"), QStringLiteral("UBND huyện Kim Bảng"));
    fill(*created, QStringLiteral("TrichYeu"), QStringLiteral("V/v chuẩn bị Hội nghị"));
    REQUIRE(created->save().isOk());
    auto page = fx.open(QStringLiteral("docs"), created->unid());
    // Another connection deletes it and purges the deletion stub, as replication and the
    // stub purge would: the page's Delete finds nothing to delete.
    REQUIRE(fx.store(QStringLiteral("docs"))->remove(created->unid()).isOk());
    REQUIRE(fx.store(QStringLiteral("docs"))->purge(created->unid()).isOk());

    answerNextMessageBox(QMessageBox::Yes); // "Delete …?"
    page->deleteDocument();

    const QLabel& problem = formProblem(*page);
    INFO(problem.text().toStdString() << " / " << problem.toolTip().toStdString());
    CHECK_FALSE(problem.isHidden());
    CHECK(isVietnamese(problem.text()));
    CHECK(problem.text() ==
          client::ErrorText::sentence(ErrorCode::NotFound, QString(),
                                      client::ErrorContext::of(client::Situation::DeletingDocument)));
    // The engine's English is the tooltip only.
    CHECK(problem.toolTip().startsWith(QStringLiteral("NotFound: ")));
    CHECK_FALSE(problem.text().contains(problem.toolTip().section(u':', 1).trimmed()));
    CHECK_FALSE(problem.text().contains(QStringLiteral("NotFound")));
}

TEST_CASE("An image that is not a picture is refused in Vietnamese, naming the file, not its path",
          "[gui][errortext]")
{
    const Vietnamese vietnamese;
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    const QString file = fx.dir.path(QStringLiteral("bien-ban.png"));
    {
        QFile text(file);
        REQUIRE(text.open(QIODevice::WriteOnly));
        text.write("Biên bản họp, không phải ảnh");
    }
    const Status status = page->form().insertImageFile(QStringLiteral("NoiDung"), file);
    REQUIRE(status.code() == ErrorCode::InvalidArgument);

    const QLabel& problem = formProblem(*page);
    INFO(problem.text().toStdString());
    CHECK_FALSE(problem.isHidden());
    CHECK(isVietnamese(problem.text()));
    CHECK(problem.text().contains(QStringLiteral("“bien-ban.png”")));
    CHECK_FALSE(problem.text().contains(status.message()));
    CHECK_FALSE(problem.text().contains(fx.dir.root()));
    CHECK(problem.toolTip() == client::ErrorText::details(status));
    CHECK(page->form().attachments()->names().empty());
}

TEST_CASE("A conflict in a database the workspace lacks: a Vietnamese sentence, the details behind a button",
          "[gui][errortext]")
{
    const Vietnamese vietnamese;
    GuiFixture fx;
    QString text, details;
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [&, timer] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        text = box->text();
        details = box->detailedText();
        timer->stop();
        timer->deleteLater();
        box->button(QMessageBox::Ok)->click();
    });
    timer->start();

    const auto outcome =
        gui::ConflictDialog::resolve(nullptr, *fx.replicas, QStringLiteral("khong-co"), newUnid());
    CHECK_FALSE(outcome);
    INFO(text.toStdString() << " / " << details.toStdString());
    CHECK(text ==
          client::ErrorText::tr("This workspace has no database named %1.").arg(QStringLiteral("khong-co")));
    CHECK(isVietnamese(text));
    CHECK(details.startsWith(QStringLiteral("NotFound: ")));
    CHECK_FALSE(text.contains(QStringLiteral("NotFound")));
    CHECK_FALSE(text.contains(details.section(u':', 1).trimmed()));
}
