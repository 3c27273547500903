#pragma once
// Helpers of the GUI tests: a demo shop written to a new workspace in a
// test's temporary folder, and a main window opened on a workspace.

#include "main_window.h"

#include "demo/demo_writer.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace cwb::test {

inline QString makeDemoWorkspace(const TempDir& dir, const QString& name, qint64 users)
{
    const QString path = dir.path(name);
    auto ws = model::Workspace::create(path);
    EXPECT_TRUE(ws.ok());
    model::DemoOptions o;
    o.users = users;
    EXPECT_TRUE(model::writeDemoData(ws.value(), o).ok());
    return path;
}

// Opens `path` in the window and waits until it is shown; false when it
// failed or took over 20 s.
inline bool openAndWait(ui::MainWindow& w, const QString& path)
{
    QSignalSpy loaded(&w, &ui::MainWindow::loaded);
    w.openWorkspace(path);
    return loaded.wait(20000);
}

// Opens `path` in the window and waits until `page` has also sent `listed`
// (the signal a page sends once it has listed what it shows); false when
// either took over 20 s.
template <class Page, class Signal>
bool openAndWaitFor(ui::MainWindow& w, const QString& path, Page* page, Signal listed)
{
    QSignalSpy spy(page, listed);
    if (!openAndWait(w, path)) return false;
    return !spy.isEmpty() || spy.wait(20000);
}

} // namespace cwb::test
