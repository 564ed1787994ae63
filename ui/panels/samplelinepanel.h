// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechartpanel.h"
#include "scenario/panelspec.h"

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ProcViz {

class CalloutItem;

/// One run-wide value the engine samples (a shared counter, a queue's depth, permits in use, tasks done) over
/// time, as its scenario's PanelSpec describes it: a dashed level to reach (the ideal, in the text's colour)
/// or never to pass (a bound, in vermillion), and once the run is over the scenario's callout, in its tone.
class SampleLinePanel : public LiveChartPanel
{
    Q_OBJECT
public:
    SampleLinePanel(const Scenario& scenario, QWidget* parent = nullptr);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void fitToAxisRect() override;

private:
    void showLevel(qint64 level);
    void showCallout(const PanelSpec::Callout& callout);

    const PanelSpec m_spec;
    QCPGraph* m_line = nullptr;
    QCPItemStraightLine* m_level = nullptr;
    QCPItemText* m_levelLabel = nullptr;
    CalloutItem* m_callout = nullptr;
    qsizetype m_pointCount = 0;
    double m_highest = 1;
};

} // namespace ProcViz
