// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "themeswitcher.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QSize>
#include <QVariantMap>

namespace ProcViz {

/// What the window remembers between runs of the program, typed, over QSettings ("ProcViz", "procviz").
///
/// Every key is spelled once, in appsettings.cpp. A stored value of the wrong type or out of range reads as
/// the default, so a hand-edited or corrupt file never breaks the window.
class AppSettings
{
public:
    /// The user's settings (QSettings' native format and place for the organisation and application).
    AppSettings();
    /// An INI file at @p path: for tests, which must not touch the user's own settings.
    explicit AppSettings(const QString& path);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    /// Empty unless every stored size is positive.
    QList<int> splitterSizes() const;
    void setSplitterSizes(const QList<int>& sizes);

    QString lastScenario() const;
    void setLastScenario(const QString& id);
    /// The values last used for @p scenarioId, as stored (strings, unchecked: the scenario checks them).
    QVariantMap parameters(const QString& scenarioId) const;
    void setParameters(const QString& scenarioId, const QVariantMap& values);

    /// "en" or "ko"; empty when none was chosen (the system locale decides).
    QString language() const;
    void setLanguage(const QString& language);
    Theme theme() const;
    void setTheme(Theme theme);
    bool presentation() const;
    void setPresentation(bool on);
    /// View ▸ Show Hand-offs: the arrows between the timeline's lanes; on unless turned off.
    bool showHandoffs() const;
    void setShowHandoffs(bool on);
    /// The picture size of File ▸ Export, 1920×1080 unless a sensible size was stored.
    QSize exportSize() const;
    void setExportSize(const QSize& size);

    void sync() { m_settings.sync(); }

private:
    mutable QSettings m_settings;
};

} // namespace ProcViz
