package com.produsoft.supportdesk.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Names a user task after its case, so that a queue in Tasklist tells its rows apart:
 * {@code EON-2026-00027 · Metaalwerken Vandamme · Triage ticket}. Wired in every user task of the models as the
 * create listener {@code ${nameAfterCase}}: the model's name stays the last part, and a task without the listener
 * keeps the model's name. The name is written once, when the task is created, so claiming and reassigning keep it.
 * Each process's reference (EON number and company, contract number and company...) comes from the
 * {@link CaseReference} of its package; a process without one is named after its business key.
 */
@Component("nameAfterCase")
public class CaseNames implements TaskListener {

  /** Between the parts of a task's name. */
  public static final String SEPARATOR = " · ";
  /** Camunda's task name column (ACT_RU_TASK.NAME_) holds 255 characters. */
  static final int MAX_NAME = 255;
  /** A long company name is cut here, so that the model's name stays visible in Tasklist's list. */
  static final int MAX_PART = 40;

  /** The reference of the cases of some processes, by the key of their process definition. */
  public interface CaseReference {

    /** The process definition keys this reference names tasks for. */
    List<String> processKeys();

    /** The parts that identify the case, most significant first; blank parts are left out. */
    List<String> of(DelegateTask task);

    static CaseReference of(List<String> processKeys, Function<DelegateTask, List<String>> parts) {
      return new CaseReference() {
        @Override
        public List<String> processKeys() {
          return processKeys;
        }

        @Override
        public List<String> of(DelegateTask task) {
          return parts.apply(task);
        }
      };
    }
  }

  private final Map<String, CaseReference> references = new HashMap<>();

  public CaseNames(List<CaseReference> references) {
    references.forEach(reference -> reference.processKeys().forEach(key -> this.references.put(key, reference)));
  }

  @Override
  public void notify(DelegateTask task) {
    CaseReference reference = references.get(processKey(task));
    List<String> parts = reference != null
        ? reference.of(task)
        : List.of(Objects.requireNonNullElse(task.getExecution().getProcessBusinessKey(), ""));
    task.setName(named(parts, task.getName()));
  }

  /** The case's parts, each cut to {@link #MAX_PART}, before the model's name; at most {@link #MAX_NAME} long. */
  static String named(List<String> parts, String modelName) {
    List<String> all = new ArrayList<>();
    parts.stream().filter(part -> part != null && !part.isBlank()).map(part -> cut(part.strip(), MAX_PART))
        .forEach(all::add);
    String prefix = String.join(SEPARATOR, all);
    if (prefix.isEmpty() || modelName != null && modelName.startsWith(prefix + SEPARATOR)) {
      return modelName;
    }
    String name = modelName == null || modelName.isBlank() ? prefix : prefix + SEPARATOR + modelName;
    return cut(name, MAX_NAME);
  }

  /**
   * A task's name after its case got other parts (e.g. the company of a sender linked later): the parts it was named
   * with are replaced, the model's name kept. A name that does not start with the old parts stays as it is.
   */
  public static String renamed(String taskName, List<String> oldParts, List<String> newParts) {
    String oldPrefix = named(oldParts, "");
    if (taskName == null || oldPrefix.isEmpty() || !taskName.startsWith(oldPrefix + SEPARATOR)) {
      return taskName;
    }
    return named(newParts, taskName.substring(oldPrefix.length() + SEPARATOR.length()));
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1).stripTrailing() + "…";
  }

  /** The key of the task's process, read from the model: no query, no authorization check. */
  private static String processKey(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((Process) element).getId();
  }
}
