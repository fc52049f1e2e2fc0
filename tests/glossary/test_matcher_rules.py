"""The rules that keep autolinks to the intended sense; each test fails if its rule is removed."""

from __future__ import annotations

from mkdocs_crosswalk.core.glossary import ANY_CASE, AS_WRITTEN, TermMatcher, autolink_html, autolink_names, is_common_word, name_keys, title_names
from mkdocs_crosswalk.core.models import Term


def term(term_id: str, title: str, *aliases: str, summary: str = "A definition for the tests.", **settings) -> Term:
    return Term(kind="term", id=term_id, title=title, summary=summary, aliases=list(aliases), **settings)


def links(terms, text: str, never=()) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in TermMatcher.for_terms(terms, never=never).find(text)]


def test_a_one_letter_name_is_never_autolinked():
    assert links([term("y", "y")], "the y axis, and y itself") == []


def test_a_one_letter_name_links_as_written_when_the_author_asks():
    assert links([term("y", "y", autolink="as-written")], "Y or y?") == [("y", "y")]


def test_a_two_letter_name_matches_only_as_written_and_is_never_pluralised():
    assert links([term("ux", "UX"), term("ml", "ml")], "ux, Ux, UXs, mls; then UX and ml") == [("UX", "ux"), ("ml", "ml")]


def test_yes_is_not_the_plural_of_y():
    assert links([term("y", "y", autolink="as-written")], "'yes' is the positive class") == []


def test_a_common_english_word_alone_is_not_enough_evidence():
    run = term("run", "Experiment run", "run", "training run")
    assert links([run], "Automated checks run; the Driver who runs it. Runs.") == []
    assert links([run], "Compare each training run.") == [("training run", "run")]
    assert links([term("instance", "Instance")], "for instance, an instance") == []


ML = [
    term("model", "Model", summary="A function learned from data that makes a prediction, tuned to avoid overfitting."),
    term("overfitting", "Overfitting"),
    term("persona", "Persona"),
]


def test_a_common_word_links_where_the_page_mentions_a_related_term():
    assert links(ML, "The model learned too much: overfitting.") == [("model", "model"), ("overfitting", "overfitting")]
    assert links(ML, "The model of a persona.") == [("persona", "persona")]  # nothing about learning here


def test_related_terms_come_from_definitions_both_ways_and_see_also():
    reverse = [term("model", "Model"), term("overfitting", "Overfitting", summary="When a model learns noise as if it were signal.")]
    assert links(reverse, "A model; overfitting.") == [("model", "model"), ("overfitting", "overfitting")]
    linked = [term("model", "Model", see_also=["epoch"]), term("epoch", "Epoch")]
    assert links(linked, "A model, an epoch.") == [("model", "model"), ("epoch", "epoch")]


def test_a_common_word_after_to_a_modal_or_a_pronoun_is_a_verb_and_not_linked():
    assert links(ML, "Networks are used to model patterns; they model noise; we should model it. Overfitting.") == [("Overfitting", "overfitting")]


def test_the_page_gives_the_evidence_not_only_the_paragraph():
    matcher = TermMatcher.for_terms(ML)
    html, linked = autolink_html("<p>A model.</p><p>Overfitting.</p>", matcher, lambda t, text: f"[{text}]")
    assert linked == ["model", "overfitting"] and html == "<p>A [model].</p><p>[Overfitting].</p>"
    _, linked = autolink_html("<p>Its model.</p>", matcher, lambda t, text: text, skip_term="overfitting")
    assert linked == ["model"]  # on the Overfitting page itself


def test_common_words_are_measured_by_frequency_not_by_a_hand_list():
    assert is_common_word("Instance") and is_common_word("runs") and is_common_word("Model")
    assert not is_common_word("Persona") and not is_common_word("Epoch") and not is_common_word("training run")


def test_a_rare_single_word_still_links_in_any_case_and_plural():
    assert links([term("epoch", "Epoch")], "Two epochs.") == [("epochs", "epoch")]


def test_never_autolink_setting():
    assert links([term("persona", "Persona", autolink="never")], "a persona") == []


def test_as_written_setting_matches_only_the_exact_case_and_no_plural():
    assert links([term("spark", "Spark", autolink="as-written")], "a spark, sparks, Sparks; Spark") == [("Spark", "spark")]


def test_autolink_forms_link_only_those_forms():
    rec = term("recall", "Recall", "sensitivity", autolink_forms=["recall rate", "Recall"])
    assert links([rec], "I recall the sensitivity; the recall rate") == [("recall rate", "recall")]


def test_the_site_wide_list_of_words_never_autolinked():
    persona = term("persona", "Persona", "user persona")
    assert links([persona], "a persona and a user persona", never=["PERSONA"]) == [("user persona", "persona")]


def test_a_plural_title_matches_its_singular():
    assert links([term("nn", "Neural Networks")], "a neural network") == [("neural network", "nn")]
    assert links([term("personas", "Personas")], "one Persona") == [("Persona", "personas")]


def test_a_singular_title_matches_its_plural():
    assert links([term("persona", "Persona")], "two personas") == [("personas", "persona")]


def test_words_ending_in_ss_us_or_is_are_not_plurals():
    assert name_keys("Loss") == {"loss", "losses"}
    assert "statu" not in name_keys("Status") and "analysi" not in name_keys("Analysis")
    assert links([term("bia", "Bia bank")], "a bias bank") == []


def test_snake_case_names_match_prose():
    assert links([term("rs", "random_state")], "Set the random state, or random_state.") == [("random state", "rs"), ("random_state", "rs")]


def test_singular_and_plural_lookup_keys_for_define_and_search():
    assert name_keys("Personas") == {"personas", "persona"}
    assert name_keys("neural network") == {"neural network", "neural networks"}


def test_autolink_names_say_which_match_only_as_written():
    assert autolink_names(term("ci", "CI/CD", "ci pipeline")) == [("CI/CD", AS_WRITTEN), ("ci pipeline", ANY_CASE)]


def test_parenthesised_parts_of_a_title_are_optional_or_an_expansion():
    assert title_names("CLI (Command Line Interface)") == ["CLI", "CLI Command Line Interface", "Command Line Interface"]
    assert title_names("(success) metric") == ["metric", "success metric"]
    assert title_names("(the) 'experience'") == ["experience", "the experience"]
    assert links([term("ux", "UX (User Experience)")], "Good UX is user experience done well.") == [("UX", "ux"), ("user experience", "ux")]


STEPS = [
    term("accuracy", "Accuracy"),
    term("early-stopping", "Early stopping", summary="Stop when validation accuracy drops, before overfitting."),
    term("overfitting", "Overfitting", summary="Learning the noise of the training data."),
    term("epoch", "Epoch", summary="One pass; watch for overfitting."),
]


def test_a_related_terms_definition_is_evidence_where_the_paragraph_shares_its_words():
    # accuracy ~ early stopping, whose definition speaks of overfitting: a paragraph about overfitting means the measure
    assert links(STEPS, "The accuracy fell after the tenth epoch: overfitting.") == [
        ("accuracy", "accuracy"),
        ("epoch", "epoch"),
        ("overfitting", "overfitting"),
    ]
    assert links(STEPS, "The accuracy of a persona.") == []


def test_two_common_words_never_vouch_for_each_other():
    terms = [term("feature", "Feature"), term("model", "Model"), term("selection", "Feature selection", summary="Choosing a feature for a model.")]
    # feature ~ feature selection ~ model, two steps away and "model" itself a common word: "features get rebuilt" stays prose
    assert links(terms, "Features get rebuilt; the model of the team.") == []


def test_the_words_a_definition_opens_with_name_its_class_not_the_term():
    terms = [
        term("method", "method", summary="A technique used in design research."),
        term("algorithm", "Algorithm", summary="A method to compute a thing."),
    ]
    render = lambda term_id, text: f"[{text}]"
    matcher = TermMatcher.for_terms(terms)
    assert autolink_html("<p>A method to compute a thing.</p>", matcher, render, skip_term="algorithm")[1] == []
    assert autolink_html("<p>A machine learning method to compute.</p>", matcher, render, skip_term="algorithm")[1] == []
    # in "a set of methods" the class is "set"; and elsewhere than the opening the word links as usual
    assert autolink_html("<p>A set of methods.</p>", matcher, render, skip_term="algorithm")[1] == ["method"]
    assert autolink_html("<p>It runs a method to compute.</p>", matcher, render, skip_term="algorithm")[1] == ["method"]


def test_a_closed_compound_written_as_two_words_is_the_compound():
    terms = [term("hyperparameters", "Hyperparameters"), term("parameters", "Parameters", "weights")]
    assert links(terms, "Depth is one of the hyper parameters.") == [("hyper parameters", "hyperparameters")]
    assert links([term("persona", "Persona")], "We classify the person as a child.") == []  # no half is a short word


def test_a_multi_word_name_after_a_slash_is_an_alternative():
    terms = [term("validation-set", "Validation set"), term("ci", "CI")]
    assert links(terms, "Great on the training/validation set; x/CI.") == [("validation set", "validation-set")]


def test_a_hyphen_after_a_name_that_is_no_common_word_keeps_it_a_mention():
    terms = [term("hyperparameters", "Hyperparameter"), term("raci", "RACI"), term("run", "run", summary="A hyperparameter search.")]
    assert links(terms, "Hyperparameter-tuning, RACI-like, run-time.") == [("Hyperparameter", "hyperparameters")]


def test_an_ing_form_is_not_the_term():
    # "Discovery and delivery drifting out of step" is not model drift, though the page speaks of models
    terms = [term("drift", "Drift", summary="A change in live data that makes a deployed model behave differently."), term("model", "Deployed model")]
    assert links(terms, "Discovery and delivery drifting out of step; the deployed model.") == [("deployed model", "model")]


def test_the_ing_form_of_a_term_that_names_an_act_is_the_act():
    interpret = term("interpret", "interpret", summary="The process of analyzing and deriving meaning from research data and user feedback.")
    assert links([interpret], "How do I know I'm interpreting user feedback correctly?") == [("interpreting", "interpret")]
    assert links([interpret], "The area can be interpreted as a probability.") == []  # -ed is the everyday verb
    transcribe = term("transcribe", "Transcribe", summary="To turn a recorded interview into written text.")
    assert links([transcribe], "Transcribing takes a day.") == [("Transcribing", "transcribe")]


def test_the_ing_form_never_takes_another_terms_name():
    terms = [
        term("interpret", "Interpret", summary="The act of reading meaning into findings."),
        term("interpreting", "Interpreting", summary="Spoken translation."),
    ]
    assert links(terms, "Interpreting at the summit.") == [("Interpreting", "interpreting")]


# Two glossaries' worth of terms: "Model" and "Loss" in their machine-learning sense, "Noise" too.
LEARNING = [
    term("model", "Model", summary="A data structure that stores a representation of a dataset (weights and biases)."),
    term("loss", "Loss", summary="How far a model's predictions are from the true values; training lowers it."),
    term("noise", "Noise", summary="Irrelevant information or randomness in a dataset that hides the pattern."),
    term("persona", "Persona", summary="A fictional user archetype built from research."),
]


def _linked(html: str, **options) -> list[str]:
    return autolink_html(html, TermMatcher.for_terms(LEARNING), lambda t, text: text, **options)[1]


def test_a_page_about_a_common_word_term_links_it():
    page = "<p>Mean squared error, or L2 loss, is sensitive to outliers.</p>"
    assert _linked(page) == []  # the paragraph alone says nothing of models
    assert _linked(page, subject=["Loss functions"]) == ["loss"]  # the page's title or nav section names it
    assert _linked("<h2>Injecting noise</h2><p>Noise is added to the inputs.</p>") == ["noise"]  # a heading names it
    assert _linked("<h2>Interviews</h2><p>Noise in the room.</p>") == []


def test_a_paragraph_that_shares_a_rare_word_with_the_definition_is_evidence():
    # "dataset" is in Model's definition and is no everyday word: the simplified Lesk algorithm
    assert _linked("<p>Holds the <em>dataset</em> your model will train on.</p>") == ["model"]  # inline markup: same paragraph
    assert _linked("<p>Holds the dataset.</p><p>Your model will train on it.</p>") == []  # another paragraph
    assert _linked("<p>Your model of the world, and your data.</p>") == []  # "data" is an everyday word


def test_a_related_terms_definition_words_are_evidence_too():
    terms = [
        term("feature", "Feature", summary="An attribute and value combination in a dataset."),
        term("neuron", "Neuron", summary="A unit that takes weighted inputs, each a feature or an earlier neuron's output."),
    ]
    matcher = TermMatcher.for_terms(terms)
    linked = autolink_html("<p>The inputs can be features from earlier weighted layers.</p>", matcher, lambda t, text: text)[1]
    assert linked == ["feature"]  # "weighted" is in Neuron's definition, and Neuron's definition names features


# A glossary written in lower case, as dictionaries are, with senses in brackets (The Carpentries' glosario).
DICTIONARY = [
    term("error-in-a-test", "error (in a test)", summary="A test that fails because the code under test raised an exception."),
    term("variable-data", "variable (data)", summary="An attribute of a dataset that can take different values."),
    term("variable-program", "variable (program)", summary="A name in a program that refers to a value."),
    term("make", "Make", summary="The original build manager for Unix."),
    term("makefile", "makefile", summary="A file of rules for Make."),
    term("restructured-text", "reStructured Text", "reST", summary="A plain-text markup language."),
    term("artificial-intelligence", "artificial intelligence (AI)", summary="Machines doing what minds do."),
]


def test_a_common_word_qualified_in_its_title_links_only_where_its_paragraph_says_so():
    assert links(DICTIONARY, "The program printed an error.") == []
    assert links(DICTIONARY, "The second test ends in an error.") == [("error", "error-in-a-test")]


def test_terms_that_share_a_word_each_link_in_their_own_sense():
    assert links(DICTIONARY, "Each variable in a program holds a value.") == [("variable", "variable-program")]
    assert links(DICTIONARY, "Each variable of the survey data is a column.") == [("variable", "variable-data")]
    assert links(DICTIONARY, "The variable costs of travel.") == []


def test_an_expansion_in_brackets_is_no_qualifier():
    assert links(DICTIONARY, "Artificial intelligence, or AI, again.") == [("Artificial intelligence", "artificial-intelligence")]


def test_a_name_spelt_with_an_inner_capital_matches_only_as_written():
    assert links(DICTIONARY, "The rest of the episode is in reST.") == [("reST", "restructured-text")]


def test_a_capitalised_title_in_a_lower_case_glossary_is_a_name_and_not_at_a_sentence_start():
    assert links(DICTIONARY, "Teams make changes, then run Make on the makefile.") == [("Make", "make"), ("makefile", "makefile")]
    assert links(DICTIONARY, "Make sure of it. Make it fail.") == []
    # in a glossary that capitalises its titles, a capital says nothing: the author marks a name with proper_noun
    build = [term("make", "Make", summary="A build tool that reads a makefile."), term("makefile", "Makefile")]
    assert links(build, "make the makefile") == [("make", "make"), ("makefile", "makefile")]
    build[0] = term("make", "Make", summary="A build tool that reads a makefile.", proper_noun=True)
    assert links(build, "make the makefile, with Make") == [("makefile", "makefile"), ("Make", "make")]


def test_the_s_form_of_a_common_word_after_it_or_this_or_before_an_object_is_a_verb():
    terms = [term("mean", "Mean", summary="The average of a dataset."), term("dataset", "Dataset", summary="A table of observations.")]
    found = links(terms, "This means the dataset; it means more; the dataset lists the means.")
    assert found == [("dataset", "dataset"), ("dataset", "dataset"), ("means", "mean")]


def test_a_related_term_is_evidence_in_its_own_section_only():
    matcher = TermMatcher.for_terms(ML)
    _, linked = autolink_html("<h2>Training</h2><p>Overfitting.</p><h2>Teams</h2><p>Our model of work.</p>", matcher, lambda t, text: text)
    assert linked == ["overfitting"]
    _, linked = autolink_html("<h2>Training</h2><p>Overfitting.</p><p>Our model of work.</p>", matcher, lambda t, text: text)
    assert linked == ["overfitting", "model"]


def test_every_heading_says_what_the_page_is_about_not_only_the_first():
    matcher = TermMatcher.for_terms(LEARNING)
    _, linked = autolink_html("<h1>Tricks</h1><p>Intro.</p><h2>Injecting noise</h2><p>Noise is added.</p>", matcher, lambda t, text: text)
    assert linked == ["noise"]
