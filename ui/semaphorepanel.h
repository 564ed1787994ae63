// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ProcViz {

/// Permits in use over time (the holders the engine counts in the semaphore's shared state), with the
/// permit limit drawn: the line may touch the limit but never cross it.
class SemaphorePanel : public LiveChart
{
    Q_OBJECT
public:
    explicit SemaphorePanel(QWidget* parent = nullptr);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;

private:
    QCPGraph* m_inUse = nullptr;
    QCPItemStraightLine* m_limit = nullptr;
    QCPItemText* m_limitLabel = nullptr;
    qsizetype m_pointCount = 0;
};

} // namespace ProcViz
