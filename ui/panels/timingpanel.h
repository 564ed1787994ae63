// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechartpanel.h"

#include <QMap>

class QCPBars;
class QCPItemText;

namespace ProcViz {

/// Elapsed time per mode as bars, each labelled with its speedup over sequential, and the ideal
/// (sequential time divided by the cores that can work at once) marked. Results are kept across runs with
/// the same workers and iterations, so running the modes one at a time still compares them side by side.
/// Reads the timing scenario's result: its modes (mode, completed, elapsed_s), workers and iterations.
class TimingPanel : public LiveChartPanel
{
    Q_OBJECT
public:
    TimingPanel(const Scenario& scenario, QWidget* parent = nullptr);

    /// Modes measured so far, mode id → elapsed seconds.
    const QMap<QString, double>& elapsedByMode() const { return m_elapsed; }

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void fitToAxisRect() override;

private:
    /// How the mode names under the bars are set: on one line, a word a line, or slanted.
    enum class ModeNameLayout
    {
        OneLine,
        Wrapped,
        Slanted
    };

    void rebuild();
    void setModeNames(ModeNameLayout layout);
    void fitModeNames(int slotWidth);
    void fitBarLabels(int slotWidth);
    void placeIdealLabel();

    QStringList m_modes; ///< the bars' places, a mode (phase) each
    QCPBars* m_bars = nullptr;
    QMap<QString, double> m_elapsed;
    QString m_workload; ///< workers and iterations the kept results were measured with
    int m_workers = 1;
    qint64 m_takenStartNs = -1;
    double m_highest = 0; ///< the tallest bar, seconds
    ModeNameLayout m_modeNameLayout = ModeNameLayout::OneLine;
    QList<QCPItemText*> m_valueLabels; ///< above the bars; owned by the plot, remade by rebuild()
    QCPItemText* m_idealLabel = nullptr;
    double m_idealSeconds = 0;
    QFont m_valueFont; ///< the labels' sizes when the plot has room for them
    QFont m_idealFont;
};

} // namespace ProcViz
