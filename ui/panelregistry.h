// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

class QWidget;

namespace ProcViz {

class Scenario;
class ScenarioPanel;

/// One kind of panel: its id (PanelSpec::kind) and how to make one for a scenario.
struct PanelKind
{
    QString id;
    ScenarioPanel* (*create)(const Scenario& scenario, QWidget* parent) = nullptr;
};

/// Every kind of panel compiled in: each ui/panels/<file>.cpp registers one with PROCVIZ_REGISTER_PANEL, and
/// the build collects them (a static library would drop a self-registering object nobody refers to).
class PanelRegistry
{
public:
    static const PanelRegistry& instance();

    /// The panel @p scenario's PanelSpec asks for, made with @p parent; nullptr when it asks for none, or for
    /// a kind this build has no panel for.
    ScenarioPanel* create(const Scenario& scenario, QWidget* parent) const;
    bool has(const QString& kind) const;
    QStringList kinds() const;

private:
    PanelRegistry();
    std::vector<PanelKind> m_kinds;
};

/// Generated at build time from the files in ui/panels/.
std::vector<PanelKind> createAllPanelKinds();

} // namespace ProcViz

/// Put once in each ui/panels/<file>.cpp, @p file being the file's name without .cpp: @p Class, constructed
/// from (const Scenario&, QWidget* parent), draws the panels of @p kind.
#define PROCVIZ_REGISTER_PANEL(file, kind, Class)                                                                      \
    ProcViz::PanelKind procviz_panel_kind_##file()                                                                     \
    {                                                                                                                  \
        return {kind, [](const ProcViz::Scenario& scenario, QWidget* parent) -> ProcViz::ScenarioPanel* {              \
                    return new Class(scenario, parent);                                                                \
                }};                                                                                                    \
    }
