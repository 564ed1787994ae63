// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "chartexporter.h"
#include "chartspage.h"
#include "cpuchart.h"
#include "dashboardexporter.h"
#include "export/csvexporter.h"
#include "export/jsonexporter.h"
#include "export/traceexporter.h"
#include "exportsizedialog.h"
#include "engine/runcontroller.h"
#include "progresschart.h"
#include "scenariopanel.h"
#include "statetimeline.h"

#include <QActionGroup>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QPointer>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <qcustomplot.h>

namespace ProcViz {

namespace {
constexpr int StatusMessageMs = 6000;

struct PresetSize
{
    QSize size;
    const char* name; ///< the size's common name, the same in every language
};
constexpr std::array<PresetSize, 4> PresetSizes {{
    {{1280, 720}, "HD"},
    {{1920, 1080}, "Full HD"},
    {{2560, 1440}, "QHD"},
    {{3840, 2160}, "4K"},
}};

bool isPdf(const QString& path)
{
    return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

QString startFolder()
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return !pictures.isEmpty() && QDir(pictures).exists() ? pictures : QDir::homePath();
}
} // namespace

ExportActions::ExportActions(Context context, QObject* parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_lastFolder(startFolder())
    , m_chooseFile([dashboard = m_context.dashboard](
                       const QString& caption, const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(dashboard, caption, suggested, filter);
    })
{
    Q_ASSERT(m_context.dashboard && m_context.charts && m_context.controller);
    createActions();
    retranslate();
    const RunController* controller = m_context.controller;
    connect(controller, &RunController::started, this, &ExportActions::updateActions);
    connect(controller, &RunController::finished, this, &ExportActions::updateActions);
    connect(controller, &RunController::failed, this, &ExportActions::updateActions);
    // The new scenario's panel is in place when the charts say so.
    connect(m_context.charts, &ChartsPage::scenarioChanged, this, &ExportActions::attachChartMenus);
    attachChartMenus();
    updateActions();
    m_context.dashboard->installEventFilter(this);
}

bool ExportActions::eventFilter(QObject* watched, QEvent* event)
{
    // Whoever installs a new translator, the window is told; the menus follow without being asked.
    if (watched == m_context.dashboard && event->type() == QEvent::LanguageChange)
        retranslate();
    return false;
}

QString ExportActions::scenarioId() const
{
    return m_context.charts->scenarioId();
}

QAction* ExportActions::addAction(QMenu* menu, const char* objectName, void (ExportActions::*slot)())
{
    auto* action = menu->addAction(QString(), this, slot);
    action->setObjectName(QLatin1String(objectName));
    return action;
}

void ExportActions::createActions()
{
    m_fileMenu = new QMenu(m_context.dashboard);
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(QStringLiteral("exportMenu"));
    connect(m_exportMenu, &QMenu::aboutToShow, this, &ExportActions::updateActions);

    // "export" and Ctrl+E: the toolbar's Export PNG action of old, now with a header and a chosen size.
    m_dashboardPng = addAction(m_exportMenu, "export", &ExportActions::exportDashboardPng);
    m_dashboardPng->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    createSizeMenu();
    m_dashboardPdf = addAction(m_exportMenu, "exportPdf", &ExportActions::exportDashboardPdf);
    m_dashboardPdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_copyDashboard = addAction(m_exportMenu, "copyDashboard", &ExportActions::copyDashboard);
    m_copyDashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    m_exportMenu->addSeparator();
    for (size_t i = 0; i < Charts.size(); ++i) {
        const Chart chart = Charts[i];
        auto& actions = m_charts[i];
        actions.menu = m_exportMenu->addMenu(QString());
        actions.menu->setObjectName(chartKey(chart) + QLatin1String("Menu"));
        actions.png = actions.menu->addAction(
            QString(), this, [this, chart] { exportChart(plot(chart), chartKey(chart), chartTitle(chart), false); });
        actions.pdf = actions.menu->addAction(
            QString(), this, [this, chart] { exportChart(plot(chart), chartKey(chart), chartTitle(chart), true); });
        actions.copy = actions.menu->addAction(QString(), this, [this, chart] { copyChart(plot(chart)); });
    }

    m_exportMenu->addSeparator();
    // The command line's exporters (see RunCommand), called the same way: (model, path, error).
    const std::array<std::tuple<const char*, RunWriter, QString>, 3> formats {{
        {"exportJson", &JsonExporter::write, QStringLiteral("json")},
        {"exportCsv", &CsvExporter::write, QStringLiteral("csv")},
        {"exportTrace", &TraceExporter::write, QStringLiteral("trace.json")},
    }};
    for (const auto& [name, write, suffix] : formats) {
        const auto index = m_runExports.size();
        auto* action = m_exportMenu->addAction(QString(), this, [this, index] { exportRun(m_runExports.at(index)); });
        action->setObjectName(QLatin1String(name));
        m_runExports.append({action, write, suffix});
    }
    m_runExports[0].action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));

    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), m_context.dashboard, &QWidget::close);
    m_quit->setObjectName(QStringLiteral("quit"));
    m_quit->setShortcut(QKeySequence::Quit);
}

void ExportActions::createSizeMenu()
{
    m_sizeMenu = m_exportMenu->addMenu(QString());
    m_sizeMenu->setObjectName(QStringLiteral("exportSizeMenu"));
    m_sizeGroup = new QActionGroup(this);
    for (const auto& preset : PresetSizes) {
        auto* action = m_sizeMenu->addAction(QString(), this, [this, size = preset.size] { setExportSize(size); });
        action->setCheckable(true);
        action->setData(preset.size);
        m_sizeGroup->addAction(action);
        m_presetSizes.append(action);
    }
    m_sizeMenu->addSeparator();
    m_customSize = addAction(m_sizeMenu, "customExportSize", &ExportActions::chooseCustomSize);
    m_customSize->setCheckable(true);
    m_sizeGroup->addAction(m_customSize);
}

void ExportActions::addToToolBar(QToolBar* toolBar)
{
    toolBar->addAction(m_dashboardPng);
    if (auto* button = qobject_cast<QToolButton*>(toolBar->widgetForAction(m_dashboardPng))) {
        button->setMenu(m_exportMenu);
        button->setPopupMode(QToolButton::MenuButtonPopup);
        button->setFocusPolicy(Qt::TabFocus); // as the window's other toolbar buttons: reachable with Tab
    }
}

void ExportActions::setExportSize(const QSize& size)
{
    m_exportSize = size.expandedTo(ExportSizeDialog::Minimum).boundedTo(ExportSizeDialog::Maximum);
    retranslate();
}

void ExportActions::chooseCustomSize()
{
    if (const auto size = ExportSizeDialog::ask(m_exportSize, m_context.dashboard))
        setExportSize(*size);
    else
        retranslate(); // puts the check mark back on the size in use
}

void ExportActions::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_exportMenu->setTitle(tr("&Export"));
    const int width = m_exportSize.width();
    const int height = m_exportSize.height();
    m_dashboardPng->setText(tr("Dashboard as &PNG (%1 × %2)…").arg(width).arg(height));
    m_dashboardPng->setIconText(tr("Export…"));
    m_dashboardPng->setToolTip(tr("Save the whole dashboard, with a header naming the scenario, its parameters and "
                                  "checks, as a PNG of %1 × %2 pixels (Ctrl+E). The arrow offers every export.")
                                   .arg(width)
                                   .arg(height));
    m_sizeMenu->setTitle(tr("Dashboard PNG &size"));
    bool preset = false;
    for (auto* action : std::as_const(m_presetSizes)) {
        const QSize size = action->data().toSize();
        const auto* known = std::find_if(
            PresetSizes.cbegin(), PresetSizes.cend(), [&](const PresetSize& p) { return p.size == size; });
        action->setText(tr("%1 × %2 (%3)").arg(size.width()).arg(size.height()).arg(QLatin1String(known->name)));
        action->setChecked(size == m_exportSize);
        preset = preset || size == m_exportSize;
    }
    m_customSize->setChecked(!preset);
    m_customSize->setText(preset ? tr("&Custom…") : tr("&Custom (%1 × %2)…").arg(width).arg(height));
    m_dashboardPdf->setText(tr("Dashboard as P&DF…"));
    m_dashboardPdf->setToolTip(tr("Save the whole dashboard, with its header, as a vector PDF (Ctrl+Shift+E)"));
    m_copyDashboard->setText(tr("&Copy dashboard image"));
    m_copyDashboard->setToolTip(
        tr("Put a %1 × %2 picture of the dashboard on the clipboard (Ctrl+Shift+C)").arg(width).arg(height));
    for (size_t i = 0; i < Charts.size(); ++i) {
        m_charts[i].menu->setTitle(chartTitle(Charts[i]));
        m_charts[i].png->setText(tr("Save chart as PNG…"));
        m_charts[i].pdf->setText(tr("Save chart as PDF…"));
        m_charts[i].copy->setText(tr("Copy chart"));
    }
    m_runExports[0].action->setText(tr("Run as &JSON…"));
    m_runExports[1].action->setText(tr("Run as C&SV…"));
    m_runExports[2].action->setText(tr("Run as Chrome &trace…"));
    m_quit->setText(tr("&Quit"));
    updateActions();
}

void ExportActions::updateActions()
{
    const auto& controller = *m_context.controller;
    const auto& model = controller.model();
    const bool ended = !controller.isRunning() && !model.scenarioId().isEmpty() && model.endNs() >= 0;
    for (const auto& format : std::as_const(m_runExports)) {
        format.action->setEnabled(ended);
        format.action->setToolTip(ended
                ? tr("Save the last run of %1 with the command line's exporter").arg(model.scenarioId())
                : tr("Run a scenario to its end (or stop it) first"));
    }
    for (size_t i = 0; i < Charts.size(); ++i) {
        m_charts[i].menu->setTitle(chartTitle(Charts[i])); // the scenario's chart is named after the scenario's
        m_charts[i].menu->menuAction()->setEnabled(plot(Charts[i]) != nullptr);
    }
}

ExportHeader ExportActions::header() const
{
    return ExportHeader::describe(scenarioId(), m_context.parameters ? m_context.parameters() : QVariantMap(),
        m_context.controller->model());
}

QImage ExportActions::dashboardImage(const QSize& size) const
{
    m_context.charts->refresh();
    return DashboardExporter(m_context.dashboard, header().html(m_context.dashboard->palette())).toImage(size);
}

bool ExportActions::saveDashboard(const QString& path, const QSize& size, QString* error) const
{
    return writeDashboard(path, isPdf(path) ? Format::Pdf : Format::Png, size, error);
}

bool ExportActions::writeDashboard(const QString& path, Format format, const QSize& size, QString* error) const
{
    m_context.charts->refresh();
    const ExportHeader text = header();
    const DashboardExporter exporter(m_context.dashboard, text.html(m_context.dashboard->palette()));
    return format == Format::Pdf ? exporter.savePdf(path, text.title(), error) : exporter.savePng(path, size, error);
}

QCustomPlot* ExportActions::plot(Chart chart) const
{
    const auto* charts = m_context.charts;
    switch (chart) {
    case Chart::Progress:
        return charts->progress()->plot();
    case Chart::Timeline:
        return charts->timeline()->plot();
    case Chart::Cpu:
        return charts->cpu()->plot();
    case Chart::Scenario:
        return charts->scenarioPanel() ? charts->scenarioPanel()->plot() : nullptr;
    }
    return nullptr;
}

QString ExportActions::chartKey(Chart chart) const
{
    switch (chart) {
    case Chart::Progress:
        return QStringLiteral("progress");
    case Chart::Timeline:
        return QStringLiteral("timeline");
    case Chart::Cpu:
        return QStringLiteral("cpu");
    case Chart::Scenario:
        return QStringLiteral("chart");
    }
    return {};
}

QString ExportActions::chartTitle(Chart chart) const
{
    switch (chart) {
    case Chart::Progress:
        return tr("P&rogress chart");
    case Chart::Timeline:
        return tr("State &timeline");
    case Chart::Cpu:
        return tr("CP&U chart");
    case Chart::Scenario:
        if (const QString panel = m_context.charts->scenarioPanelTitle(); !panel.isEmpty())
            return tr("Scenario c&hart: %1").arg(panel);
        return tr("Scenario's own c&hart");
    }
    return {};
}

QMenu* ExportActions::createChartMenu(QCustomPlot* chartPlot, QWidget* parent)
{
    QString key = QStringLiteral("chart");
    QString title;
    for (const Chart chart : Charts) {
        if (plot(chart) == chartPlot) {
            key = chartKey(chart);
            title = chartTitle(chart);
        }
    }
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("chartContextMenu"));
    const QPointer<QCustomPlot> target(chartPlot);
    menu->addAction(tr("Save chart as PNG…"), this, [=, this] {
        if (target)
            exportChart(target, key, title, false);
    });
    menu->addAction(tr("Save chart as PDF…"), this, [=, this] {
        if (target)
            exportChart(target, key, title, true);
    });
    menu->addAction(tr("Copy chart"), this, [=, this] {
        if (target)
            copyChart(target);
    });
    return menu;
}

void ExportActions::attachChartMenus()
{
    // Every chart, including a scenario panel made since the last look, gets Save / Copy on a right click.
    static const char* const attached = "procvizChartMenu";
    for (auto* chartPlot : m_context.dashboard->findChildren<QCustomPlot*>()) {
        if (chartPlot->property(attached).toBool())
            continue;
        chartPlot->setProperty(attached, true);
        chartPlot->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(chartPlot, &QWidget::customContextMenuRequested, this, [this, chartPlot](const QPoint& pos) {
            auto* menu = createChartMenu(chartPlot, m_context.dashboard);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(chartPlot->mapToGlobal(pos));
        });
    }
}

QString ExportActions::suggestedName(
    const QString& scenarioId, const QString& what, const QString& suffix, const QDateTime& when)
{
    QStringList parts {QStringLiteral("procviz")};
    if (!scenarioId.isEmpty())
        parts.append(scenarioId);
    if (!what.isEmpty())
        parts.append(what);
    parts.append(when.toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    return parts.join(QLatin1Char('-')) + QLatin1Char('.') + suffix;
}

QString ExportActions::chooseFile(const QString& caption, const QString& scenarioId, const QString& what,
    const QString& suffix, const QString& filter)
{
    const QString name = suggestedName(scenarioId, what, suffix, QDateTime::currentDateTime());
    QString path = m_chooseFile(caption, QDir(m_lastFolder).filePath(name), filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    m_lastFolder = QFileInfo(path).absolutePath();
    return path;
}

void ExportActions::exportDashboardPng()
{
    const QString path = chooseFile(tr("Export the dashboard as PNG"), scenarioId(), QString(),
        QStringLiteral("png"), tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    report(writeDashboard(path, Format::Png, m_exportSize, &error), path, error);
}

void ExportActions::exportDashboardPdf()
{
    const QString path = chooseFile(tr("Export the dashboard as PDF"), scenarioId(), QString(),
        QStringLiteral("pdf"), tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    report(writeDashboard(path, Format::Pdf, m_exportSize, &error), path, error);
}

void ExportActions::copyDashboard()
{
    QGuiApplication::clipboard()->setImage(dashboardImage(m_exportSize));
    showStatus(tr("The dashboard is on the clipboard (%1 × %2)").arg(m_exportSize.width()).arg(m_exportSize.height()));
}

double ExportActions::chartScale() const
{
    // Charts come out at the dashboard export's scale: the same lecture-note resolution for both.
    return std::max(1.0, double(m_exportSize.width()) / std::max(1, m_context.dashboard->width()));
}

void ExportActions::exportChart(QCustomPlot* chartPlot, const QString& key, const QString& title, bool pdf)
{
    if (!chartPlot)
        return;
    const QString path = chooseFile(pdf ? tr("Save the chart as PDF") : tr("Save the chart as PNG"),
        scenarioId(), key, pdf ? QStringLiteral("pdf") : QStringLiteral("png"),
        pdf ? tr("PDF document (*.pdf)") : tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    m_context.charts->refresh();
    QString plainTitle = title;
    plainTitle.remove(QLatin1Char('&'));
    QString error;
    const bool saved = pdf
        ? ChartExporter::savePdf(chartPlot, path, header().title() + QStringLiteral(" — ") + plainTitle, &error)
        : ChartExporter::savePng(chartPlot, path, chartScale(), &error);
    report(saved, path, error);
}

void ExportActions::copyChart(QCustomPlot* chartPlot)
{
    if (!chartPlot)
        return;
    m_context.charts->refresh();
    const QImage image = ChartExporter::toImage(chartPlot, chartScale());
    QGuiApplication::clipboard()->setImage(image);
    showStatus(tr("The chart is on the clipboard (%1 × %2)").arg(image.width()).arg(image.height()));
}

void ExportActions::exportRun(const RunExport& format)
{
    const auto& model = m_context.controller->model();
    const QString filter = format.suffix == QLatin1String("csv") ? tr("CSV table (*.csv)")
        : format.suffix == QLatin1String("json")                 ? tr("JSON document (*.json)")
                                                                 : tr("Chrome trace (*.json)");
    const QString path = chooseFile(tr("Export the run"), model.scenarioId(), QString(), format.suffix, filter);
    if (path.isEmpty())
        return;
    QString error;
    report(format.write(model, path, &error), path, error);
}

void ExportActions::report(bool ok, const QString& path, const QString& error)
{
    if (!ok) {
        m_showingError = true;
        Q_EMIT errorChanged(error);
        return;
    }
    if (m_showingError) {
        m_showingError = false;
        Q_EMIT errorChanged({});
    }
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void ExportActions::showStatus(const QString& message) const
{
    if (m_context.showStatus)
        m_context.showStatus(message, StatusMessageMs);
}

} // namespace ProcViz
