// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

#include <QJsonObject>

#include <QFont>

#include <functional>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ProcViz {

/// One run-wide value the engine samples (a queue's depth, a pool's tasks done) as a step line over time,
/// with an optional limit taken from a parameter and, once the run is over, a summary of its result.
class SampleLinePanel : public LiveChart
{
    Q_OBJECT
public:
    struct Spec
    {
        QString sample; ///< the run sample's name
        /// Untranslated, marked with QT_TRANSLATE_NOOP("ProcViz::ScenarioPanels", ...): the panel translates it
        /// whenever the language changes.
        const char* axisLabel = "";
        QString limitParameter; ///< drawn as a dashed line when > 0; empty for none
        const char* limitLabel = ""; ///< "%1" is the limit; untranslated like axisLabel
        std::function<QString(const QJsonObject& result)> summary; ///< shown once the run has ended
    };

    explicit SampleLinePanel(Spec spec, QWidget* parent = nullptr);

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void fitToAxisRect() override;

private:
    Spec m_spec;
    QCPGraph* m_line = nullptr;
    QCPItemStraightLine* m_limit = nullptr;
    QCPItemText* m_limitLabel = nullptr;
    QCPItemText* m_summary = nullptr;
    QFont m_summaryFont; ///< as styled; fitToAxisRect() shrinks a copy to the plot
    qsizetype m_pointCount = 0;
    double m_highest = 1;
};

} // namespace ProcViz
