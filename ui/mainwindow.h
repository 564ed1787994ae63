// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/runcontroller.h"
#include "engine/runoptions.h"
#include "i18n/translations.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QToolBar;

namespace ProcViz {

class AppSettings;
class ChartsPage;
class ExportActions;
class FittingScrollArea;
class LessonPanel;
class ParameterForm;
class PresentationMode;
class ProgressChart;
class ResultPanel;
class ScenarioList;
class ThemeSwitcher;
class ViewMenu;

/// The classroom dashboard: scenarios and their parameters on the left, the live charts and the checks in
/// the middle, the lesson on the right; Run / Stop / Pause / Kill / Export act on the real worker processes.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The engine behind the window, for tests to watch and steer.
    RunController& controller() { return m_controller; }
    ProgressChart* chart() const;
    ChartsPage* charts() const { return m_charts; }
    ResultPanel* checks() const { return m_results; }
    LessonPanel* lesson() const { return m_lesson; }
    ScenarioList* scenarioList() const { return m_scenarios; }
    ParameterForm* parameterForm() const { return m_parameters; }
    /// The File menu's exports, and the dashboard PNG's size.
    ExportActions* exportActions() const { return m_exports; }
    PresentationMode* presentation() const { return m_presentation; }
    ThemeSwitcher* themes() const { return m_themes; }

    bool selectScenario(const QString& id);
    QString scenarioId() const { return m_scenarioId; }
    /// What runs the lesson: ProcViz's C++ workers, or the lesson's own Python program under CPython.
    void setRuntime(RunOptions::Runtime runtime);
    RunOptions::Runtime runtime() const;
    /// The window's language, "en" or "ko": every text, the lesson and Qt's own dialogs. Starts as the
    /// system's (Translations::systemLanguage()); switching it re-sets every text at once.
    QString language() const { return m_translations.language(); }
    bool setLanguage(const QString& language);
    Translations& translations() { return m_translations; }
    /// Restores what @p settings remembers (geometry, splitter, scenario and its parameters, language, theme,
    /// presentation mode, hand-off arrows) and writes it back there when the window closes. Without it the window
    /// starts as the defaults say and remembers nothing: tests and `procviz shot` stay reproducible.
    void restoreSettings(AppSettings* settings);
    void saveSettings();
    /// Where the window remembers things; none without restoreSettings().
    AppSettings* settings() const { return m_settings; }
    /// The whole dashboard as it is now, with a header naming the scenario, its parameters and checks: a PNG of
    /// the window's size, or a vector PDF (by the file's suffix); false when it cannot be written.
    bool saveDashboard(const QString& path, QString* error = nullptr);
    void run();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createLanguageMenu();
    void retranslate();
    void createCentralWidget();
    void createStatusBar();
    void createExports();
    void createViewMenu();
    void resetSplitter();
    void limitResultsHeight();

    void onScenarioSelected(const QString& id);
    void onParametersChanged();
    void onRuntimeChanged();
    /// What a run gets: the C++ runtime takes every parameter, the Python program only its own.
    QVariantMap runParameters() const;
    RunOptions runOptions() const;
    void onPresentationChanged(bool on);
    void onPauseToggled(bool pause);
    void onKill();
    void onInput(const QString& line);
    void restoreParameters(const QVariantMap& stored);
    void onStarted();
    void onFinished(ProcViz::Outcome outcome);
    void setError(const QString& message);
    void updateActions();
    void updateStatus();

    Translations m_translations;
    RunController m_controller;
    QString m_scenarioId;
    QString m_parameterError;
    ScenarioList* m_scenarios = nullptr;
    ParameterForm* m_parameters = nullptr;
    QLabel* m_parameterErrorLabel = nullptr;
    QLabel* m_scenariosHeading = nullptr;
    QLabel* m_parametersHeading = nullptr;
    QLabel* m_runtimeLabel = nullptr;
    QComboBox* m_runtime = nullptr;
    QToolBar* m_toolBar = nullptr;
    ChartsPage* m_charts = nullptr;
    ResultPanel* m_results = nullptr;
    FittingScrollArea* m_resultsArea = nullptr;
    LessonPanel* m_lesson = nullptr;
    QLabel* m_errorLabel = nullptr;
    ExportActions* m_exports = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_killAction = nullptr;
    QLabel* m_elapsedLabel = nullptr;
    QLabel* m_coresLabel = nullptr;
    QLabel* m_workersLabel = nullptr;
    QLabel* m_phaseLabel = nullptr;
    QElapsedTimer m_elapsed;
    QTimer m_statusTimer;
    QString m_phase;
    QSplitter* m_splitter = nullptr;
    QList<int> m_restoredSplitterSizes;
    QList<int> m_sizesBeforePresentation;
    bool m_shown = false;
    ThemeSwitcher* m_themes = nullptr;
    PresentationMode* m_presentation = nullptr;
    ViewMenu* m_viewMenu = nullptr;
    AppSettings* m_settings = nullptr;
};

} // namespace ProcViz
