// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

class QCPBars;

namespace ProcViz {

class HandoffArrows;
class TimelinePlottable;

/// What every worker is doing over time: one lane per PID (per TID for threads), coloured by state with
/// the shared palette and a legend. Clicking a lane selects its worker, e.g. for Kill.
class StateTimeline : public LiveChart
{
    Q_OBJECT
public:
    explicit StateTimeline(QWidget* parent = nullptr);
    ~StateTimeline() override;

    int laneCount() const;
    QString laneLabel(int row) const;
    int selectedWorker() const { return m_selectedWorker; }
    void selectWorker(int workerId);
    /// The arrows between lanes for what one process handed another (View ▸ Show Hand-offs).
    void setHandoffsShown(bool shown);
    bool handoffsShown() const;
    TimelinePlottable* lanes() const { return m_lanes; }
    HandoffArrows* handoffArrows() const { return m_arrows; }
    /// The tooltip's text for @p pos in the plot's pixels: see LaneToolTip::text().
    QString toolTipAt(const QPointF& pos) const;

Q_SIGNALS:
    void workerSelected(int workerId);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onPlotClicked(QMouseEvent* event);
    void onPlotHovered(QMouseEvent* event);
    void updateLabels();
    /// Columns and names of the legend for the width, and whether it is shown at all for the height.
    void fitLegend();

    TimelinePlottable* m_lanes = nullptr;
    HandoffArrows* m_arrows = nullptr;
    QList<QCPBars*> m_swatches; ///< the legend: one per WorkerState, in order
    int m_selectedWorker = -1;
    bool m_legendShown = false;
};

} // namespace ProcViz
