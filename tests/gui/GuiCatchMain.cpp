// The Catch2 main of the widget tests: like tests/support/CatchMain.cpp, but with a
// QApplication (widgets need one). Offscreen unless QT_QPA_PLATFORM says otherwise, so the
// tests (and CTest's discovery run at build time) need no display. Each test case starts with
// no key held, as under CTest (one process per case), whatever the one before pressed.

#define CATCH_CONFIG_RUNNER
#include "common/crypto/SelfTest.h"

#include <QApplication>
#include <QTest>
#include <QWidget>

#include <catch2/catch.hpp>
#include <cstdio>

namespace {

// Qt Test's keyClick(widget, key, Qt::ControlModifier) releases Ctrl with ControlModifier still
// set, and QApplication takes the modifiers of the last key event as the keyboard's state
// (QGuiApplication::keyboardModifiers()), which item views follow when they select: after a
// test that pressed Ctrl+E, the week view's test ran with Ctrl "held" and its selection was
// toggled away. A release with no modifier, before each test case, lets every key go.
struct ReleaseHeldKeys : Catch::TestEventListenerBase
{
    using TestEventListenerBase::TestEventListenerBase;
    void testCaseStarting(const Catch::TestCaseInfo&) override
    {
        if (QGuiApplication::keyboardModifiers() == Qt::NoModifier)
            return;
        QWidget scratch;
        QTest::keyRelease(&scratch, Qt::Key_Control, Qt::NoModifier);
    }
};

} // namespace

CATCH_REGISTER_LISTENER(ReleaseHeldKeys)

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (const sen::Status status = sen::crypto::runSelfTests(); !status.isOk()) {
        std::fprintf(stderr, "crypto self-test failed: %s\n", qPrintable(status.toString()));
        return 2;
    }
    return Catch::Session().run(argc, argv);
}
