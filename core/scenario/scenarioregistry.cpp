// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioregistry.h"

namespace ProcViz {

const ScenarioRegistry& ScenarioRegistry::instance()
{
    static const ScenarioRegistry registry;
    return registry;
}

ScenarioRegistry::ScenarioRegistry()
    : m_scenarios(createAllScenarios())
{ }

const Scenario* ScenarioRegistry::find(QStringView id) const
{
    for (const auto& scenario : m_scenarios) {
        if (scenario->id() == id)
            return scenario.get();
    }
    return nullptr;
}

QList<const Scenario*> ScenarioRegistry::all() const
{
    QList<const Scenario*> list;
    for (const auto& scenario : m_scenarios)
        list.append(scenario.get());
    return list;
}

QStringList ScenarioRegistry::ids() const
{
    QStringList list;
    for (const auto& scenario : m_scenarios)
        list.append(scenario->id());
    return list;
}

} // namespace ProcViz
