// SPDX-License-Identifier: GPL-3.0-or-later
#include "livechartpanel.h"

#include "model/runmodel.h"
#include "scenario/scenario.h"

namespace ProcViz {

LiveChartPanel::LiveChartPanel(const Scenario& scenario, QWidget* parent)
    : LiveChart(parent)
    , m_scenario(scenario)
{ }

bool LiveChartPanel::isOwnRun() const
{
    return model() && model()->scenarioId() == m_scenario.id();
}

} // namespace ProcViz
