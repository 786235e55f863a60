#pragma once

// A workspace in a temporary directory with one replica of each kind ("docs", "cal",
// "news") and the application layer's sessions of them (what the pages use), for the widget
// tests; store() is a connection of the test's own, to look behind the pages' backs.

#include "client/app/OpenDatabases.h"
#include "client/core/Workspace.h"
#include "client/gui/forms/AttachmentPanel.h"
#include "client/gui/forms/DocumentForm.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/FieldEditor.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QApplication>
#include <QHash>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <catch2/catch.hpp>
#include <memory>

namespace sen::test {

struct GuiFixture
{
    GuiFixture()
    {
        auto opened = client::Workspace::open(dir.path(QStringLiteral("home")));
        REQUIRE(opened.isOk());
        workspace = std::make_unique<client::Workspace>(std::move(opened).value());
        for (auto [name, kind] :
             {std::pair{"docs", DatabaseKind::Documents}, std::pair{"cal", DatabaseKind::Calendar},
              std::pair{"news", DatabaseKind::News}}) {
            auto db = workspace->createDatabase(QLatin1String(name), kind, QLatin1String(name));
            REQUIRE(db.isOk());
        }
        replicas =
            std::make_unique<app::OpenDatabases>(*workspace, QStringLiteral("Nguyễn Văn A/VPHU/HaNam"));
    }

    std::shared_ptr<ReplicaStore> store(const QString& name)
    {
        if (const auto it = stores.constFind(name); it != stores.constEnd())
            return *it;
        auto s = workspace->openDatabase(name);
        REQUIRE(s.isOk());
        std::shared_ptr<ReplicaStore> shared = std::move(s).value();
        stores.insert(name, shared);
        return shared;
    }

    std::shared_ptr<app::DatabaseSession> session(const QString& name)
    {
        auto s = replicas->session(name);
        REQUIRE(s.isOk());
        return *s;
    }

    Document get(const QString& name, const Unid& unid)
    {
        auto doc = store(name)->get(unid);
        REQUIRE(doc.isOk());
        return *doc;
    }

    std::unique_ptr<gui::DocumentPage> create(const QString& replica, const QString& form,
                                              std::optional<Unid> parent = std::nullopt)
    {
        auto page = gui::DocumentPage::create(*replicas, replica, form, parent,
                                              QStringLiteral("Nguyễn Văn A/VPHU/HaNam"));
        INFO(page.status().toString().toStdString());
        REQUIRE(page.isOk());
        return std::unique_ptr<gui::DocumentPage>(*page);
    }

    std::unique_ptr<gui::DocumentPage> open(const QString& replica, const Unid& unid)
    {
        auto page = gui::DocumentPage::open(*replicas, replica, unid);
        INFO(page.status().toString().toStdString());
        REQUIRE(page.isOk());
        return std::unique_ptr<gui::DocumentPage>(*page);
    }

    TempDir dir;
    std::unique_ptr<client::Workspace> workspace;
    std::unique_ptr<app::OpenDatabases> replicas;
    QHash<QString, std::shared_ptr<ReplicaStore>> stores;
};

// Types `text` into the field `item` of the page's form.
inline void fill(gui::DocumentPage& page, const QString& item, const QString& text)
{
    gui::FieldEditor* editor = page.form().editor(item);
    INFO(item.toStdString());
    REQUIRE(editor != nullptr);
    editor->setText(text);
}

// Answers the next modal message box with `button` once it shows (polling, as exec() runs
// its own event loop); `*asked` tells the test it was shown.
inline void answerNextMessageBox(QMessageBox::StandardButton button, bool* asked = nullptr)
{
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (asked)
            *asked = true;
        timer->stop();
        timer->deleteLater();
        box->button(button)->click();
    });
    timer->start();
}

} // namespace sen::test
