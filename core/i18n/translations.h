// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace ProcViz {

/// The language ProcViz speaks, "en" or "ko", switchable at run time.
///
/// Installs the compiled catalogue from the resources (`:/i18n/procviz_<language>.qm`) and Qt's own
/// (`qtbase_<language>.qm`, when the system has it) so that standard dialogs speak the language too. English is
/// the language of the source texts: its catalogue holds only the plural forms of "%n" texts. Installing or
/// removing a translator makes Qt send QEvent::LanguageChange to every widget, which is where each one re-sets
/// its texts.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject* parent = nullptr);
    ~Translations() override;

    /// Every language ProcViz speaks, source language first.
    static QStringList languages();
    /// "ko" when the user's locale asks for Korean, otherwise "en".
    static QString systemLanguage();
    /// Removes `--lang VALUE` or `--lang=VALUE` from @p arguments and returns VALUE, or an empty string
    /// when the option is absent. Sets @p error (naming the allowed values) when VALUE is missing or unknown.
    static QString takeLanguageOption(QStringList* arguments, QString* error);

    QString language() const { return m_language; } ///< empty until the first setLanguage()
    /// Installs the translators of @p language (one of languages()); false, and nothing changed, otherwise.
    bool setLanguage(const QString& language);

Q_SIGNALS:
    void languageChanged(const QString& language);

private:
    void removeTranslators();

    QString m_language;
    QTranslator m_procviz;
    QTranslator m_qt;
};

} // namespace ProcViz
