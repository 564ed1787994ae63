// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

class QCPBars;

namespace ProcViz {

class TimelinePlottable;

/// What every worker is doing over time: one lane per PID (per TID for threads), coloured by state with
/// the shared palette and a legend. Clicking a lane selects its worker, e.g. for Kill.
class StateTimeline : public LiveChart
{
    Q_OBJECT
public:
    explicit StateTimeline(QWidget* parent = nullptr);

    int laneCount() const;
    QString laneLabel(int row) const;
    int selectedWorker() const { return m_selectedWorker; }
    void selectWorker(int workerId);

Q_SIGNALS:
    void workerSelected(int workerId);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void onPlotClicked(QMouseEvent* event);
    void updateLabels();

    TimelinePlottable* m_lanes = nullptr;
    QList<QCPBars*> m_swatches; ///< the legend: one per WorkerState, in order
    int m_selectedWorker = -1;
};

} // namespace ProcViz
