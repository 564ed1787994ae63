// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ProcViz {

/// The shared counter as the engine reads it from shared memory, against the value it must reach; once
/// the run is over the lost updates are called out.
class LockPanel : public LiveChart
{
    Q_OBJECT
public:
    explicit LockPanel(QWidget* parent = nullptr);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void fitToAxisRect() override;

private:
    QCPGraph* m_counter = nullptr;
    QCPItemStraightLine* m_ideal = nullptr;
    QCPItemText* m_idealLabel = nullptr;
    QCPItemText* m_lostLabel = nullptr;
    QFont m_lostFont; ///< the call-out's size when the plot has room for it
    qsizetype m_pointCount = 0;
};

} // namespace ProcViz
