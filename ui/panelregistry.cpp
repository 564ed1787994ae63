// SPDX-License-Identifier: GPL-3.0-or-later
#include "panelregistry.h"

#include "scenario/scenario.h"

#include <algorithm>

namespace ProcViz {

const PanelRegistry& PanelRegistry::instance()
{
    static const PanelRegistry registry;
    return registry;
}

PanelRegistry::PanelRegistry()
    : m_kinds(createAllPanelKinds())
{ }

ScenarioPanel* PanelRegistry::create(const Scenario& scenario, QWidget* parent) const
{
    const QString kind = scenario.panel().kind;
    const auto found = std::find_if(m_kinds.cbegin(), m_kinds.cend(), [&](const PanelKind& k) { return k.id == kind; });
    return kind.isEmpty() || found == m_kinds.cend() ? nullptr : found->create(scenario, parent);
}

bool PanelRegistry::has(const QString& kind) const
{
    return std::any_of(m_kinds.cbegin(), m_kinds.cend(), [&](const PanelKind& k) { return k.id == kind; });
}

QStringList PanelRegistry::kinds() const
{
    QStringList ids;
    for (const auto& kind : m_kinds)
        ids.append(kind.id);
    return ids;
}

} // namespace ProcViz
