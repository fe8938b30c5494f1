package com.voxanne.ops.contacts;

import com.voxanne.ops.records.Contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.live.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contacts workspace's view model against the real database, with same-thread executors. */
class ContactsViewModelTest {

    private static final UUID ORG = TestWorkspace.orgId("Brightside Physiotherapy");
    private final List<CallFilter> drilled = new ArrayList<>();

    private ContactsViewModel model(String role) {
        return new ContactsViewModel(com.voxanne.ops.TestWorkspace.contactService(TestWorkspace.as("brightside", role).jdbi()), Runnable::run, Runnable::run, ORG,
                !role.equals("user"), drilled::add);
    }

    @Test
    void pagesByNameWithoutGapsAndNarrowsByPrefixAndStatus() {
        ContactsViewModel m = model("user");
        m.refresh();
        while (!m.endReachedProperty().get()) {
            m.loadMore();
        }
        int all = TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from contacts where org_id = :o").bind("o", ORG)
                .mapTo(Integer.class).one());
        assertThat(m.rows()).hasSize(all).extracting(Contact::id).doesNotHaveDuplicates();
        assertThat(m.rows()).isSortedAccordingTo(java.util.Comparator.comparing(Contact::lastName).thenComparing(Contact::firstName));

        String last = m.rows().get(all / 2).lastName();
        m.searchProperty().set(last.substring(0, 3));
        assertThat(m.rows()).isNotEmpty().allSatisfy(c -> assertThat(c.fullName().toLowerCase() + " " + c.lastName().toLowerCase())
                .contains(last.substring(0, 3).toLowerCase()));
        m.searchProperty().set("%");
        assertThat(m.rows()).as("wildcards are matched literally").isEmpty();
        m.searchProperty().set("");
        m.leadStatusProperty().set("hot");
        assertThat(m.rows()).isNotEmpty().allSatisfy(c -> assertThat(c.leadStatus()).isEqualTo("hot"));
    }

    @Test
    void selectingAContactShowsItsCallsAndAManagerSavesItsForm() {
        ContactsViewModel m = model("manager");
        m.refresh();
        Contact c = m.rows().stream().filter(r -> TestWorkspace.owner().withHandle(h -> h.createQuery(
                "select count(*) > 0 from calls where contact_id = :c").bind("c", r.id()).mapTo(Boolean.class).one())).findFirst().orElseThrow();
        m.selectedProperty().set(c);
        assertThat(m.detailProperty().get().contact().id()).isEqualTo(c.id());
        assertThat(m.detailProperty().get().recentCalls()).isNotEmpty().allSatisfy(call -> assertThat(call.contactId()).isEqualTo(c.id()));
        m.showCallsOfSelected();
        assertThat(drilled).singleElement().satisfies(f -> assertThat(f.contactId()).isEqualTo(c.id()));

        String notes = "Reviewed by the contacts test.";
        m.form().notesProperty().set(notes);
        m.form().save();
        assertThat(m.form().messageProperty().get()).isEqualTo("Saved.");
        assertThat(m.selectedProperty().get().notes()).isEqualTo(notes);
        assertThat(m.rows().stream().filter(r -> r.id().equals(c.id())).findFirst().orElseThrow().notes()).as("the list too").isEqualTo(notes);
    }

    @Test
    void aContactChangedElsewhereIsReadAgainUnlessTheFormHoldsAnEdit() {
        ContactsViewModel m = model("manager");
        m.refresh();
        Contact c = m.rows().get(0);
        m.selectedProperty().set(c);
        TestWorkspace.owner().useHandle(h -> h.createUpdate("update contacts set lead_score = coalesce(lead_score, 0) % 100 + 1 where id = :id")
                .bind("id", c.id()).execute());
        m.onChanges(List.of(new Change("contacts", 'U', List.of(c.id()), false)));
        Contact now = m.selectedProperty().get();
        assertThat(now.updatedAt()).isAfter(c.updatedAt());
        assertThat(m.form().leadScoreProperty().get()).isEqualTo(String.valueOf(now.leadScore()));

        m.form().notesProperty().set("Typing…");
        TestWorkspace.owner().useHandle(h -> h.createUpdate("update contacts set lead_score = coalesce(lead_score, 0) % 100 + 1 where id = :id")
                .bind("id", c.id()).execute());
        m.onChanges(List.of(new Change("contacts", 'U', List.of(c.id()), false)));
        assertThat(m.form().notesProperty().get()).as("the edit in progress stays").isEqualTo("Typing…");
        m.form().save();
        assertThat(m.form().conflictProperty().get()).as("and saving it reports the clash").isTrue();
        assertThat(m.form().notesProperty().get()).isEqualTo("Typing…");
        m.form().reload();
        assertThat(m.form().dirty().get()).isFalse();
    }
}
