// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

namespace ProcViz {

namespace {
// Every key in one place.
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString ScenarioKey = QStringLiteral("scenario/last");
const QString ParametersGroup = QStringLiteral("parameters/");
const QString LanguageKey = QStringLiteral("view/language");
const QString ThemeKey = QStringLiteral("view/theme");
const QString PresentationKey = QStringLiteral("view/presentation");
const QString HandoffsKey = QStringLiteral("view/handoffs");
const QString ExportSizeKey = QStringLiteral("export/size");

constexpr QSize DefaultExportSize(1920, 1080);
// The same bounds `procviz shot --size` accepts at the low end; the high end keeps a picture under ~1 GB.
constexpr QSize SmallestExportSize(320, 240);
constexpr int LargestExportSide = 16384;
constexpr int SplitterPanes = 3;
} // namespace

AppSettings::AppSettings()
    : m_settings(QStringLiteral("ProcViz"), QStringLiteral("procviz"))
{ }

AppSettings::AppSettings(const QString& path)
    : m_settings(path, QSettings::IniFormat)
{ }

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(GeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings.setValue(GeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(StateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state)
{
    m_settings.setValue(StateKey, state);
}

QList<int> AppSettings::splitterSizes() const
{
    // Stored as a plain list of numbers, which an INI file keeps readable.
    const QStringList stored = m_settings.value(SplitterKey).toStringList();
    QList<int> sizes;
    for (const auto& text : stored) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size <= 0)
            return {};
        sizes.append(size);
    }
    return sizes.size() == SplitterPanes ? sizes : QList<int>();
}

void AppSettings::setSplitterSizes(const QList<int>& sizes)
{
    QStringList texts;
    for (int size : sizes)
        texts.append(QString::number(size));
    m_settings.setValue(SplitterKey, texts);
}

QString AppSettings::lastScenario() const
{
    return m_settings.value(ScenarioKey).toString();
}

void AppSettings::setLastScenario(const QString& id)
{
    m_settings.setValue(ScenarioKey, id);
}

QVariantMap AppSettings::parameters(const QString& scenarioId) const
{
    QVariantMap values;
    if (scenarioId.isEmpty())
        return values;
    m_settings.beginGroup(ParametersGroup + scenarioId);
    for (const auto& name : m_settings.childKeys())
        values.insert(name, m_settings.value(name).toString());
    m_settings.endGroup();
    return values;
}

void AppSettings::setParameters(const QString& scenarioId, const QVariantMap& values)
{
    if (scenarioId.isEmpty())
        return;
    // One key per parameter, as text: the same spelling the command line takes, readable in the file.
    m_settings.remove(ParametersGroup + scenarioId);
    m_settings.beginGroup(ParametersGroup + scenarioId);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_settings.setValue(it.key(), it.value().toString());
    m_settings.endGroup();
}

QString AppSettings::language() const
{
    const QString language = m_settings.value(LanguageKey).toString();
    return language == QLatin1String("en") || language == QLatin1String("ko") ? language : QString();
}

void AppSettings::setLanguage(const QString& language)
{
    m_settings.setValue(LanguageKey, language);
}

Theme AppSettings::theme() const
{
    return themeFromName(m_settings.value(ThemeKey).toString()).value_or(Theme::System);
}

void AppSettings::setTheme(Theme theme)
{
    m_settings.setValue(ThemeKey, themeName(theme));
}

bool AppSettings::presentation() const
{
    const QString text = m_settings.value(PresentationKey).toString();
    return text == QLatin1String("true");
}

void AppSettings::setPresentation(bool on)
{
    m_settings.setValue(PresentationKey, on);
}

bool AppSettings::showHandoffs() const
{
    return m_settings.value(HandoffsKey).toString() != QLatin1String("false");
}

void AppSettings::setShowHandoffs(bool on)
{
    m_settings.setValue(HandoffsKey, on);
}

QSize AppSettings::exportSize() const
{
    const QSize size = m_settings.value(ExportSizeKey).toSize();
    const bool sensible = size.width() >= SmallestExportSize.width() && size.height() >= SmallestExportSize.height()
        && size.width() <= LargestExportSide && size.height() <= LargestExportSide;
    return sensible ? size : DefaultExportSize;
}

void AppSettings::setExportSize(const QSize& size)
{
    m_settings.setValue(ExportSizeKey, size);
}

} // namespace ProcViz
