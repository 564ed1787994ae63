// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/runcontroller.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;

namespace ProcViz {

class ParameterBar;
class ProgressChart;
class ResultPanel;

/// The first window: the timing scenario's parameters, Run / Stop / Pause, its workers' progress charted
/// live, and the result once the run is over.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The engine behind the window, for tests to watch and steer.
    RunController& controller() { return m_controller; }
    ProgressChart* chart() const { return m_chart; }

private:
    void createActions();
    void createCentralWidget();
    void createStatusBar();

    void onRun();
    void onPauseToggled(bool pause);
    void onStarted();
    void onFinished(const QString& outcome);
    void setError(const QString& message);
    void updateActions();
    void updateStatus();

    RunController m_controller;
    QString m_scenarioId;
    ParameterBar* m_parameters = nullptr;
    ProgressChart* m_chart = nullptr;
    ResultPanel* m_results = nullptr;
    QLabel* m_errorLabel = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QLabel* m_elapsedLabel = nullptr;
    QLabel* m_coresLabel = nullptr;
    QLabel* m_workersLabel = nullptr;
    QLabel* m_phaseLabel = nullptr;
    QElapsedTimer m_elapsed;
    QTimer m_statusTimer;
    QString m_phase;
};

} // namespace ProcViz
