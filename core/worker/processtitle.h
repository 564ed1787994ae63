// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>

namespace ProcViz {

/// The argv memory of this process, which /proc/PID/cmdline (and so ps, top and htop) shows.
///
/// A worker cloned from the spawner has no exec of its own, so it would show the spawner's argv. The
/// kernel reads cmdline from the argv area of the process's memory, whatever it holds now: writing the
/// worker's argv there is how it shows as `procviz-worker timing worker 2`. The area cannot grow, which is
/// why the engine starts the spawner with Spawner::TitleRoom bytes of argv.
class ProcessTitle
{
public:
    /// Takes the area main() was given: argv[0] up to the end of the last argument contiguous with it.
    ProcessTitle(int argc, char** argv);

    qsizetype capacity() const { return m_size; }
    /// Writes @p arguments NUL-separated and blanks the rest with NULs; false if they had to be cut short.
    bool set(const QByteArrayList& arguments);

private:
    char* m_begin = nullptr;
    qsizetype m_size = 0;
};

} // namespace ProcViz
