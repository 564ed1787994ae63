// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ProcViz {

/// One verdict on a run, e.g. "every worker finished its work", with the numbers behind it.
struct Check
{
    QString name; ///< stable id, e.g. "all_exited_cleanly"
    bool passed = false;
    QString detail; ///< human text with the figures: "4 of 4 workers exited with code 0"
    /// False where failing is the lesson (e.g. the counter without a lock): the outcome is then no error.
    bool expectedToPass = true;
};

} // namespace ProcViz
