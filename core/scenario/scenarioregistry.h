// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <memory>
#include <vector>

namespace ProcViz {

/// Every scenario compiled in, in a stable order (the order of their files' names).
class ScenarioRegistry
{
public:
    static const ScenarioRegistry& instance();

    const Scenario* find(QStringView id) const;
    QList<const Scenario*> all() const;
    QStringList ids() const;

private:
    ScenarioRegistry();
    std::vector<std::unique_ptr<Scenario>> m_scenarios;
};

/// Generated at build time from the files in core/scenarios/.
std::vector<std::unique_ptr<Scenario>> createAllScenarios();

} // namespace ProcViz
