#pragma once

// Saves a widget as a PNG when SEN_SCREENSHOT_DIR is set, so the screens the GUI tests
// build can be looked at; otherwise only checks that the widget renders.

#include <QDir>
#include <QPixmap>
#include <QWidget>

#include <catch2/catch.hpp>

namespace sen::test {

inline void shoot(QWidget& widget, const QString& name)
{
    const QPixmap pixmap = widget.grab();
    REQUIRE_FALSE(pixmap.isNull());
    const QString dir = qEnvironmentVariable("SEN_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        REQUIRE(pixmap.save(dir + u'/' + name + QStringLiteral(".png")));
    }
}

} // namespace sen::test
