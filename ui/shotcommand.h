// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace ProcViz {

/// `procviz shot SCENARIO [--PARAM VALUE]... --out FILE.png|FILE.pdf [--size WxH] [--lang en|ko]`: runs the
/// scenario in the real dashboard and saves the whole window once the run has ended. Needs a QApplication
/// (the offscreen platform will do).
class ShotCommand
{
public:
    /// @p arguments as QCoreApplication::arguments(): program, "shot", ... Returns the exit code:
    /// 0 saved, 1 the run or the file failed, 2 bad usage.
    int exec(const QStringList& arguments);
};

} // namespace ProcViz
