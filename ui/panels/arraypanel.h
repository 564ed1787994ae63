// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechartpanel.h"
#include "scenario/panelspec.h"

#include <QFont>

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;

namespace ProcViz {

class CalloutItem;

/// Numbers in shared memory side by side, one bar each, as the engine samples them (a shared Value, each
/// element of a shared Array): every bar grows live towards the dashed ideal of the scenario's PanelSpec.
/// After a run that completed, what a bar is short of the ideal is the updates that never landed: stacked
/// on it in vermillion and numbered above it, with the scenario's callout.
class ArrayPanel : public LiveChartPanel
{
    Q_OBJECT
public:
    /// The PanelSpec::kind this panel draws.
    static inline const QString Kind = QStringLiteral("array");

    ArrayPanel(const Scenario& scenario, QWidget* parent = nullptr);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void fitToAxisRect() override;

private:
    void setNames(const QStringList& names);
    void showLevel(qint64 level);
    void showShortfalls(const QList<qint64>& values, bool completed);

    const PanelSpec m_spec;
    QCPBars* m_totals = nullptr; ///< what each number holds
    QCPBars* m_lost = nullptr; ///< stacked on m_totals up to the ideal, once a run completed
    QCPItemStraightLine* m_level = nullptr;
    QCPItemText* m_levelLabel = nullptr;
    QList<QCPItemText*> m_lostLabels; ///< one per bar, over the ideal line
    CalloutItem* m_callout = nullptr;
    QStringList m_names;
    std::optional<qint64> m_levelValue;
    QFont m_lostFont; ///< as styled; fitToAxisRect() shrinks a copy to a bar's slot
};

} // namespace ProcViz
