package org.jobdeck.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The AtlantaFX Primer theme (light or dark) plus Jobdeck's own stylesheet. */
public final class Theme {
    public static final String STYLESHEET = Theme.class.getResource("/org/jobdeck/ui/jobdeck.css").toExternalForm();

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds Jobdeck's stylesheet to a scene. */
    public static Scene style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        return scene;
    }
}
