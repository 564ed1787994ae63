// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace ProcViz {

/// The panel a scenario adds to the dashboard (a LiveChart, or the pipe's ChatPanel), or nullptr when it has
/// none (the rest of the dashboard works the same either way): a new scenario's panel is one class plus a
/// line here.
QWidget* createScenarioPanel(const QString& scenarioId, QWidget* parent);
/// The heading shown above that chart.
QString scenarioPanelTitle(const QString& scenarioId);

} // namespace ProcViz
