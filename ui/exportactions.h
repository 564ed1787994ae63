// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportheader.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSize>

#include <array>
#include <functional>

class QAction;
class QActionGroup;
class QCustomPlot;
class QMenu;
class QToolBar;

namespace ProcViz {

class ChartsPage;
class RunController;
class RunModel;

/// The window's File menu and its Export submenu, the toolbar's Export button and the charts' context menus:
/// the dashboard as PNG (at a chosen size) or vector PDF with a header that explains the figure, each chart on
/// its own, the dashboard image on the clipboard, and the last run as JSON, CSV or Chrome trace through the
/// same exporters the command line uses. Failures go to errorChanged(), for the window's error label.
class ExportActions : public QObject
{
    Q_OBJECT
public:
    /// Asks where to save: caption, suggested path (last folder + a dated name), filter. Empty: cancelled.
    using FileChooser = std::function<QString(const QString& caption, const QString& suggested, const QString& filter)>;

    enum class Chart
    {
        Progress,
        Timeline,
        Cpu,
        Scenario, ///< the scenario's own chart; none for a scenario whose panel is no chart (pipe)
    };
    static constexpr std::array<Chart, 4> Charts {Chart::Progress, Chart::Timeline, Chart::Cpu, Chart::Scenario};
    static constexpr QSize DefaultExportSize {1920, 1080};

    /// What the exports work from: the window is reached through these and nothing else.
    struct Context
    {
        /// What a dashboard picture shows (the window): its size, palette and charts; the dialogs' and
        /// menus' parent, and closed by Quit.
        QWidget* dashboard = nullptr;
        ChartsPage* charts = nullptr; ///< the charts saved one by one, and the scenario shown
        const RunController* controller = nullptr; ///< the last run, and when one starts and ends
        std::function<QVariantMap()> parameters; ///< the form's values: what a run would use
        std::function<void(const QString& message, int timeoutMs)> showStatus; ///< a passing message
    };

    /// Make it once the window's widgets are there: it follows the charts' scenario and hooks up the charts.
    explicit ExportActions(Context context, QObject* parent = nullptr);

    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* exportMenu() const { return m_exportMenu; }
    /// Adds the Export button: a click exports the dashboard as PNG, its arrow opens the Export menu.
    void addToToolBar(QToolBar* toolBar);
    /// The dashboard PNG export: the toolbar's Export button.
    QAction* dashboardAction() const { return m_dashboardPng; }

    /// The dashboard PNG's size in pixels (also the scale of chart PNGs and of the clipboard image).
    QSize exportSize() const { return m_exportSize; }
    void setExportSize(const QSize& size);
    /// Where the file dialogs open (the folder of the last file saved).
    QString lastFolder() const { return m_lastFolder; }
    void setLastFolder(const QString& folder) { m_lastFolder = folder; }
    /// Replaces the file dialog (tests).
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    /// What the exported dashboard's header says now.
    ExportHeader header() const;
    /// The dashboard with its header, exactly @p size pixels.
    QImage dashboardImage(const QSize& size) const;
    /// PNG at @p size, or a vector PDF of the window's size on screen when @p path ends in .pdf.
    bool saveDashboard(const QString& path, const QSize& size, QString* error) const;
    /// The chart's plot now, or nullptr.
    QCustomPlot* plot(Chart chart) const;
    /// Save as PNG / as PDF / Copy for one chart: the charts' context menu.
    QMenu* createChartMenu(QCustomPlot* plot, QWidget* parent);
    /// A dated file name such as "procviz-lock-2026-11-21-1405.png"; @p what, when given, follows the id
    /// ("procviz-lock-progress-…").
    static QString suggestedName(
        const QString& scenarioId, const QString& what, const QString& suffix, const QDateTime& when);

    /// Sets every text again; done on its own when the window hears of a new language (QEvent::LanguageChange).
    void retranslate();
    /// Enables what there is something for: the run exports need a run that has ended.
    void updateActions();

Q_SIGNALS:
    /// An export failed: the message names the file and the reason. Empty once a later export worked.
    void errorChanged(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using RunWriter = bool (*)(const RunModel&, const QString&, QString*);
    struct RunExport
    {
        QAction* action = nullptr;
        RunWriter write = nullptr;
        QString suffix;
    };
    struct ChartActions
    {
        QMenu* menu = nullptr;
        QAction* png = nullptr;
        QAction* pdf = nullptr;
        QAction* copy = nullptr;
    };

    enum class Format
    {
        Png,
        Pdf,
    };

    void createActions();
    void attachChartMenus();
    void createSizeMenu();
    QAction* addAction(QMenu* menu, const char* objectName, void (ExportActions::*slot)());

    bool writeDashboard(const QString& path, Format format, const QSize& size, QString* error) const;
    void exportDashboardPng();
    void exportDashboardPdf();
    void copyDashboard();
    void chooseCustomSize();
    void exportChart(QCustomPlot* plot, const QString& key, const QString& title, bool pdf);
    void copyChart(QCustomPlot* plot);
    void exportRun(const RunExport& format);

    QString chooseFile(const QString& caption, const QString& scenarioId, const QString& what, const QString& suffix,
        const QString& filter);
    QString chartKey(Chart chart) const;
    QString chartTitle(Chart chart) const;
    double chartScale() const;
    void report(bool ok, const QString& path, const QString& error);
    void showStatus(const QString& message) const;

    QString scenarioId() const;

    Context m_context;
    QSize m_exportSize = DefaultExportSize;
    QString m_lastFolder;
    FileChooser m_chooseFile;
    bool m_showingError = false;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_sizeMenu = nullptr;
    QActionGroup* m_sizeGroup = nullptr;
    QList<QAction*> m_presetSizes;
    QAction* m_customSize = nullptr;
    QAction* m_dashboardPng = nullptr;
    QAction* m_dashboardPdf = nullptr;
    QAction* m_copyDashboard = nullptr;
    QAction* m_quit = nullptr;
    std::array<ChartActions, Charts.size()> m_charts;
    QList<RunExport> m_runExports;
};

} // namespace ProcViz
