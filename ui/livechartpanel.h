// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"
#include "scenariopanel.h"

namespace ProcViz {

class Scenario;

/// A scenario's panel that is a live chart: the LiveChart does the work, the ScenarioPanel is how the charts
/// page and the exports reach it. Subclasses draw the scenario's run only (see isOwnRun()).
class LiveChartPanel : public LiveChart, public ScenarioPanel
{
    Q_OBJECT
public:
    LiveChartPanel(const Scenario& scenario, QWidget* parent);

    QWidget* widget() override { return this; }
    void setModel(const RunModel* model) override { LiveChart::setModel(model); }
    void setFollowState(FollowState* follow) override { LiveChart::setFollowState(follow); }
    void restart() override { LiveChart::restart(); }
    void refresh() override { LiveChart::refresh(); }
    QCustomPlot* plot() const override { return LiveChart::plot(); }

protected:
    const Scenario& scenario() const { return m_scenario; }
    /// The model holds a run of this panel's scenario (not the last run of another one).
    bool isOwnRun() const;

private:
    const Scenario& m_scenario;
};

} // namespace ProcViz
