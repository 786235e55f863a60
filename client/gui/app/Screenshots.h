#pragma once

// Renders the client's main screens to PNG files, so they can be looked at without a
// display (`sen --screenshots DIR` under QT_QPA_PLATFORM=offscreen): the workspace, each
// database tab, a search of every database, and every page the main window offers. Files are named
// `NN-<screen>.png` in the order shown.

#include "common/core/Result.h"

#include <QString>

class QWidget;

namespace sen::gui {

class MainWindow;

// Saves one widget as it is drawn now.
Status saveScreenshot(QWidget& widget, const QString& path);
// Walks the main window's screens and saves each; creates `directory` when missing.
Status captureScreens(MainWindow& window, const QString& directory);

} // namespace sen::gui
