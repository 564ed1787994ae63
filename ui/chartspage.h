// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/panelspec.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace ProcViz {

class CpuChart;
class FollowState;
class ProgressChart;
class RunModel;
class ScenarioPanel;
class StateTimeline;

/// The live charts of a run: progress and state timeline on top, CPU and the scenario's own chart below,
/// the PAUSED banner over them and the "follow live" switch.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPage(QWidget* parent = nullptr);

    void setModel(const RunModel* model);
    /// Swaps the scenario's own chart (none for a scenario without one, or for an unknown id).
    void setScenario(const QString& id);
    QString scenarioId() const { return m_scenarioId; }
    void restart(); ///< a run begins
    void refresh(); ///< take in everything now (when a run ends)
    void setPaused(bool paused);

    ProgressChart* progress() const { return m_progress; }
    StateTimeline* timeline() const { return m_timeline; }
    CpuChart* cpu() const { return m_cpu; }
    /// The scenario's own chart, nullptr when it has none.
    ScenarioPanel* scenarioPanel() const { return m_scenarioPanel; }
    /// Its heading, translated; empty without a panel.
    QString scenarioPanelTitle() const;
    FollowState* follow() const { return m_follow; }

Q_SIGNALS:
    /// The scenario's panel is in place (or gone): setScenario() has done its work.
    void scenarioChanged(const QString& id);
    /// A line the user typed into the scenario's panel for the run (the pipe's chat box).
    void inputEntered(const QString& line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// @p chart under a bold title label, which is stored in @p title for retranslate() to fill in.
    static QWidget* titled(QLabel** title, QWidget* chart, QWidget* parent);

    const RunModel* m_model = nullptr;
    FollowState* m_follow = nullptr;
    QLabel* m_pausedBanner = nullptr;
    QPushButton* m_followButton = nullptr;
    ProgressChart* m_progress = nullptr;
    StateTimeline* m_timeline = nullptr;
    CpuChart* m_cpu = nullptr;
    ScenarioPanel* m_scenarioPanel = nullptr; ///< owned by m_scenarioBox
    QWidget* m_scenarioBox = nullptr;
    QString m_scenarioId;
    PanelSpec m_panelSpec;
    QLabel* m_progressTitle = nullptr;
    QLabel* m_timelineTitle = nullptr;
    QLabel* m_cpuTitle = nullptr;
    QLabel* m_scenarioTitle = nullptr;
    QGridLayout* m_grid = nullptr;
};

} // namespace ProcViz
