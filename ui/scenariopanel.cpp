// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopanel.h"

#include <QCoreApplication>

namespace ProcViz {

void ScenarioPanel::setFollowState(FollowState*) { }

QCustomPlot* ScenarioPanel::plot() const
{
    return nullptr;
}

void ScenarioPanel::setInputSink(InputSink) { }

QString ScenarioPanel::scenarioText(const char* text)
{
    return QCoreApplication::translate("ProcViz::Scenario", text);
}

} // namespace ProcViz
