package org.jobdeck.ui.connection;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jobdeck.ui.Theme;

/**
 * Switches the console between backends: the embedded queue (database URL, catalog file,
 * workers) or a REST server (URL, token file). Recent connections fill the form with a double
 * click. Only a token file's path is asked for: the console never sees the token.
 */
public final class ConnectionDialog {
    private final Dialog<ConnectionTarget> dialog = new Dialog<>();
    private final RadioButton embedded = new RadioButton("Embedded queue (this machine)");
    private final RadioButton rest = new RadioButton("REST server");
    private final TextField databaseUrl = field("db-url", "default: ~/.jobdeck/jobdeck (H2), or jdbc:postgresql://host/db");
    private final TextField catalogFile = field("catalog-file", "default: the built-in catalog");
    private final Spinner<Integer> workers = new Spinner<>(0, 64, Runtime.getRuntime().availableProcessors());
    private final TextField serverUrl = field("server-url", "http://127.0.0.1:8080");
    private final TextField tokenFile = field("token-file", "path of a file holding the token");

    public ConnectionDialog(Window owner, ConnectionTarget current, List<ConnectionTarget> recent) {
        dialog.initOwner(owner);
        dialog.setTitle("Connection");
        dialog.setHeaderText("Choose the backend this console drives");
        ToggleGroup kinds = new ToggleGroup();
        embedded.setId("kind-embedded");
        embedded.setToggleGroup(kinds);
        rest.setId("kind-rest");
        rest.setToggleGroup(kinds);
        workers.setId("workers");
        workers.setEditable(true);
        fill(current);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, embedded);
        form.addRow(1, new Label("Database URL"), databaseUrl);
        form.addRow(2, new Label("Catalog file"), catalogFile);
        form.addRow(3, new Label("Workers"), workers);
        form.addRow(4, rest);
        form.addRow(5, new Label("Server URL"), serverUrl);
        form.addRow(6, new Label("Token file"), tokenFile);
        databaseUrl.disableProperty().bind(rest.selectedProperty());
        catalogFile.disableProperty().bind(rest.selectedProperty());
        workers.disableProperty().bind(rest.selectedProperty());
        serverUrl.disableProperty().bind(embedded.selectedProperty());
        tokenFile.disableProperty().bind(embedded.selectedProperty());

        ListView<ConnectionTarget> recents = new ListView<>();
        recents.setId("recent-connections");
        recents.getItems().setAll(recent);
        recents.setPrefHeight(140);
        recents.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConnectionTarget item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        recents.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && recents.getSelectionModel().getSelectedItem() != null) {
                fill(recents.getSelectionModel().getSelectedItem());
            }
        });
        VBox content = new VBox(12, form, new Label("Recent connections (double-click to use)"), recents);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, new ButtonType("Connect", ButtonType.OK.getButtonData()));
        Theme.style(dialog.getDialogPane().getScene());
        dialog.setResultConverter(button -> button.getButtonData() == ButtonType.OK.getButtonData() ? target() : null);
    }

    public Optional<ConnectionTarget> showAndWait() {
        return dialog.showAndWait();
    }

    private void fill(ConnectionTarget target) {
        boolean isRest = target != null && target.kind() == ConnectionTarget.Kind.REST;
        (isRest ? rest : embedded).setSelected(true);
        if (target == null) {
            return;
        }
        databaseUrl.setText(target.databaseUrl() == null ? "" : target.databaseUrl());
        catalogFile.setText(target.catalogFile() == null ? "" : target.catalogFile().toString());
        workers.getValueFactory().setValue(target.workers());
        serverUrl.setText(target.serverUrl() == null ? "" : target.serverUrl());
        tokenFile.setText(target.tokenFile() == null ? "" : target.tokenFile().toString());
    }

    ConnectionTarget target() {
        if (rest.isSelected()) {
            return ConnectionTarget.rest(serverUrl.getText().trim(), path(tokenFile.getText()));
        }
        String url = databaseUrl.getText().trim();
        return ConnectionTarget.embedded(url.isEmpty() ? null : url, path(catalogFile.getText()), workers.getValue());
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim());
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(34);
        return field;
    }
}
