// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

#include <QMap>

class QCPBars;

namespace ProcViz {

/// Elapsed time per mode as bars, each labelled with its speedup over sequential, and the ideal
/// (sequential time divided by the cores that can work at once) marked. Results are kept across runs with
/// the same workers and iterations, so running the modes one at a time still compares them side by side.
class TimingPanel : public LiveChart
{
    Q_OBJECT
public:
    explicit TimingPanel(QWidget* parent = nullptr);

    /// Modes measured so far, mode id → elapsed seconds.
    const QMap<QString, double>& elapsedByMode() const { return m_elapsed; }

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;

private:
    void rebuild();

    QCPBars* m_bars = nullptr;
    QMap<QString, double> m_elapsed;
    QString m_workload; ///< workers and iterations the kept results were measured with
    int m_workers = 1;
    qint64 m_takenStartNs = -1;
};

} // namespace ProcViz
