#pragma once
// A demo shop written to a new workspace in a test's temporary folder.

#include "demo/demo_writer.h"
#include "workspace/workspace.h"

#include "test_support.h"

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

} // namespace cwb::test
