// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/procstat.h"

#include <QDir>
#include <QList>

#include <unistd.h>

/// Every process whose parent is this test, zombies included: after a run there must be none.
inline QList<qint64> childProcesses()
{
    QList<qint64> children;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const auto& entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const auto stat = ProcViz::ProcStat::read(pid);
        if (stat && stat->parentPid == getpid())
            children.append(pid);
    }
    return children;
}
