// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ipc/sharedmemory.h"

#include <QDir>

#include <unistd.h>

/// This test process's shared-memory objects still in /dev/shm: after a run there must be none.
inline QStringList sharedMemoryObjects()
{
    const auto prefix = QString::fromLatin1(ProcViz::SharedMemory::NamePrefix) + QString::number(getpid());
    return QDir(QStringLiteral("/dev/shm")).entryList({prefix + QLatin1Char('*')}, QDir::Files);
}
