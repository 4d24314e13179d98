"""In-place operations and autograd against torch: leaf errors, version counters and the
"modified by an inplace operation" error, history rebasing, CopySlices for writes into views,
views' grad_fn after their base changes, detach/.data, no_grad updates, no_grad and
multi-output views.
"""

import pytest

from autograd_diff import same, graph


# --- leaves ------------------------------------------------------------------------------------

LEAF_INPLACE = {
    "add_": lambda torch, x: x.add_(1),
    "mul_": lambda torch, x: x.mul_(2),
    "zero_": lambda torch, x: x.zero_(),
    "fill_": lambda torch, x: x.fill_(3),
    "copy_": lambda torch, x: x.copy_(torch.ones(2, 2)),
    "iadd": lambda torch, x: x.__iadd__(1),
    "setitem": lambda torch, x: x.__setitem__(0, 1.0),
    "exp_": lambda torch, x: x.exp_(),
    "clamp_": lambda torch, x: x.clamp_(0, 1),
    "relu_": lambda torch, x: x.relu_(),
    "masked_fill_": lambda torch, x: x.masked_fill_(x > 1, 0.0),
    "index_add_": lambda torch, x: x.index_add_(0, torch.tensor([0]), torch.ones(1, 2)),
}


@pytest.mark.parametrize("op", sorted(LEAF_INPLACE))
def test_inplace_on_leaf_requiring_grad(op):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        LEAF_INPLACE[op](torch, x)
    same(f)


@pytest.mark.parametrize("op", sorted(LEAF_INPLACE))
def test_inplace_on_view_of_leaf(op):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        LEAF_INPLACE[op](torch, x.view(2, 2))
    same(f)


@pytest.mark.parametrize("view", ["index", "slice", "t", "view", "expand", "diagonal", "squeeze",
                                  "select", "narrow"])
def test_inplace_on_view_of_leaf_kinds(view):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        v = {"index": lambda: x[0], "slice": lambda: x[:, 1:], "t": lambda: x.t(),
             "view": lambda: x.view(4), "expand": lambda: x[:1].expand(3, 2),
             "diagonal": lambda: x.diagonal(), "squeeze": lambda: x[:1].squeeze(0),
             "select": lambda: x.select(1, 0), "narrow": lambda: x.narrow(0, 1, 1)}[view]()
        v.mul_(2)
    same(f)


def test_inplace_on_leaf_under_no_grad():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        with torch.no_grad():
            x.add_(1)
            x[0, 0] = 7.0
            x.view(4).mul_(2)
        return x, x._version, x.is_leaf, x.grad_fn
    same(f)


def test_inplace_on_leaf_not_requiring_grad_with_grad_operand():
    def f(torch):
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        buf = torch.zeros(2)
        buf.add_(w * 2)
        buf.mul_(w)
        buf.sum().backward()
        return buf, graph(buf.grad_fn), w.grad, buf.is_leaf, buf.requires_grad
    same(f)


# --- version counter and saved tensors ----------------------------------------------------------

def test_versions_count_inplace_ops():
    def f(torch):
        x = torch.tensor([1.0, 2.0])
        v0 = x._version
        x.add_(1)
        x.mul_(2)
        x[0] = 3.0
        v = x[1:]
        v.zero_()
        d = x.detach()
        d.add_(1)
        return v0, x._version, v._version, d._version, x.data._version
    same(f)


SAVED_MODIFIED = {
    # forward, then an in-place op that invalidates what the backward saved
    "output_exp": (lambda torch, x: x.exp(), lambda torch, y: y.add_(1)),
    "output_sigmoid": (lambda torch, x: x.sigmoid(), lambda torch, y: y.mul_(2)),
    "output_tanh": (lambda torch, x: x.tanh(), lambda torch, y: y.zero_()),
    "output_relu": (lambda torch, x: x.relu(), lambda torch, y: y.add_(1)),
    "output_sqrt": (lambda torch, x: x.sqrt(), lambda torch, y: y[0].fill_(2)),
    "output_twice": (lambda torch, x: x.exp(), lambda torch, y: y.add_(1).mul_(2)),
    "view_of_saved": (lambda torch, x: x.exp(), lambda torch, y: y.view(2, 1).mul_(2)),
}


@pytest.mark.parametrize("case", sorted(SAVED_MODIFIED))
def test_saved_output_modified(case):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        fwd, modify = SAVED_MODIFIED[case]
        y = fwd(torch, x)
        modify(torch, y)
        y.sum().backward()
    same(f)


def test_saved_leaf_modified_under_no_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], requires_grad=True)
        y = x * w
        with torch.no_grad():
            w.add_(1)
        y.sum().backward()
    same(f)


def test_saved_nonleaf_input_modified():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        y = h * h
        h.add_(1)
        y.sum().backward()
    same(f)


def test_saved_input_of_matmul_modified_twice():
    def f(torch):
        a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        b = a * 1
        c = b @ b
        b.mul_(2)
        b.add_(1)
        c.sum().backward()
    same(f)


def test_saved_tensor_modified_through_detach():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x.pow(2)
        x.detach().add_(1)
        y.sum().backward()
    same(f)


def test_saved_tensor_modified_through_data_is_not_detected():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x.pow(2)
        x.data.add_(1)
        y.sum().backward()
        return x.grad, x._version
    same(f)


def test_saved_int_index_modified():
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        idx = torch.tensor([2, 0])
        y = x.index_select(0, idx)
        idx.add_(0)
        y.sum().backward()
    same(f)


def test_modify_unsaved_input_is_fine():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        y = h + 3  # add saves nothing
        h.mul_(5)
        y.sum().backward()
        return x.grad, y, h, graph(h.grad_fn)
    same(f)


def test_version_error_in_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 3
        y = h.sin()
        h.zero_()
        torch.autograd.grad(y.sum(), x)
    same(f)


# --- history rebasing ------------------------------------------------------------------------------

REBASE = {
    "add_": lambda torch, h, w: h.add_(w),
    "add_scalar": lambda torch, h, w: h.add_(2),
    "add_alpha": lambda torch, h, w: h.add_(w, alpha=3),
    "sub_": lambda torch, h, w: h.sub_(w),
    "mul_": lambda torch, h, w: h.mul_(w),
    "mul_scalar": lambda torch, h, w: h.mul_(3),
    "div_": lambda torch, h, w: h.div_(w),
    "pow_": lambda torch, h, w: h.pow_(2),
    "pow_tensor": lambda torch, h, w: h.pow_(w),
    "exp_": lambda torch, h, w: h.exp_(),
    "sigmoid_": lambda torch, h, w: h.sigmoid_(),
    "tanh_": lambda torch, h, w: h.tanh_(),
    "relu_": lambda torch, h, w: h.relu_(),
    "sqrt_": lambda torch, h, w: h.sqrt_(),
    "neg_": lambda torch, h, w: h.neg_(),
    "abs_": lambda torch, h, w: h.abs_(),
    "clamp_": lambda torch, h, w: h.clamp_(0.5, 2.5),
    "zero_": lambda torch, h, w: h.zero_(),
    "fill_": lambda torch, h, w: h.fill_(2.0),
    "fill_tensor": lambda torch, h, w: h.fill_(w.sum()),
    "copy_": lambda torch, h, w: h.copy_(w),
    "copy_const": lambda torch, h, w: h.copy_(torch.ones(2, 2)),
    "copy_broadcast": lambda torch, h, w: h.copy_(w[0]),
    "copy_double": lambda torch, h, w: h.copy_(w.double()),
    "masked_fill_": lambda torch, h, w: h.masked_fill_(h > 3, 0.0),
    "iadd": lambda torch, h, w: h.__iadd__(w),
    "imul": lambda torch, h, w: h.__imul__(2),
    "isub": lambda torch, h, w: h.__isub__(w),
    "itruediv": lambda torch, h, w: h.__itruediv__(4),
    "chain": lambda torch, h, w: h.mul_(2).add_(w).exp_(),
    "addcmul_": lambda torch, h, w: h.addcmul_(w, w, value=0.5),
    "lerp_": lambda torch, h, w: h.lerp_(w, 0.25),
    "t_": lambda torch, h, w: h.t_(),
    "unsqueeze_": lambda torch, h, w: h.unsqueeze_(0),
}


REBASE["sub_alpha"] = lambda torch, h, w: h.sub_(w, alpha=0.5)
_METHODS = "torchlite/_methods.py"
REBASE_XFAIL = {
}


@pytest.mark.parametrize("op", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason=REBASE_XFAIL[k]))
    if k in REBASE_XFAIL else k for k in sorted(REBASE)])
def test_history_rebase(op):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        w = torch.tensor([[0.5, -1.0], [2.0, 1.5]], requires_grad=True)
        h = x * 1
        r = REBASE[op](torch, h, w)
        out = [r is h, graph(h.grad_fn), h._version, h.is_leaf]
        (h * h).sum().backward()
        out += [h, x.grad, w.grad]
        return out
    same(f, tol=1e-6)


def test_rebase_keeps_identity_and_repr():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x + 0
        before = h.grad_fn
        h.mul_(2)
        return repr(h), h.grad_fn is before, graph(h.grad_fn)
    same(f)


# --- writes into tensors in the graph and into their views --------------------------------------

SETITEM = {
    "int": lambda torch, h, w: h.__setitem__(0, 5.0),
    "slice_tensor": lambda torch, h, w: h.__setitem__(slice(1, None), w[:1]),
    "column": lambda torch, h, w: h.__setitem__((slice(None), 1), w[:, 0]),
    "element_grad": lambda torch, h, w: h.__setitem__((0, 1), w[1, 1]),
    "mask": lambda torch, h, w: h.__setitem__(h > 2, 0.0),
    "mask_tensor": lambda torch, h, w: h.__setitem__(h > 2, w[h > 2]),
    "index_tensor": lambda torch, h, w: h.__setitem__(torch.tensor([1, 0]), w),
    "ellipsis": lambda torch, h, w: h.__setitem__(Ellipsis, w),
    "none_index": lambda torch, h, w: h.__setitem__((None, 0), 1.0),
}


@pytest.mark.parametrize("case", sorted(SETITEM))
def test_setitem_on_tensor_in_graph(case):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        w = torch.tensor([[0.5, -1.0], [2.0, 1.5]], requires_grad=True)
        h = x * 2
        SETITEM[case](torch, h, w)
        out = [graph(h.grad_fn), h._version]
        (h * h).sum().backward()
        return out + [h, x.grad, w.grad]
    same(f)


VIEW_WRITES = {
    "row_mul_": lambda torch, h, w: h[0].mul_(3),
    "row_setitem": lambda torch, h, w: h[0].__setitem__(1, 7.0),
    "col_copy_grad": lambda torch, h, w: h[:, 1].copy_(w[0]),
    "transpose_add_": lambda torch, h, w: h.t().add_(w),
    "view_exp_": lambda torch, h, w: h.view(4).exp_(),
    "diagonal_zero_": lambda torch, h, w: h.diagonal().zero_(),
    "nested_views": lambda torch, h, w: h[1:][:, :1].mul_(w[0, 0]),
    "select_fill_": lambda torch, h, w: h.select(1, 0).fill_(1.0),
    "narrow_sigmoid_": lambda torch, h, w: h.narrow(1, 1, 1).sigmoid_(),
}


@pytest.mark.parametrize("case", sorted(VIEW_WRITES))
def test_inplace_on_view_of_tensor_in_graph(case):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        w = torch.tensor([[0.5, -1.0], [2.0, 1.5]], requires_grad=True)
        h = x * 2
        VIEW_WRITES[case](torch, h, w)
        out = [graph(h.grad_fn), h._version]
        (h * h).sum().backward()
        return out + [h, x.grad, w.grad]
    same(f, tol=1e-6)


def test_view_written_then_used():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        v = h[0]
        v.mul_(3)
        out = [graph(v.grad_fn), graph(h.grad_fn), v._version, h._version, v._base is h]
        (v.sum() + h.sum()).backward()
        return out + [x.grad]
    same(f)


def test_setitem_on_tensor_not_requiring_grad_with_grad_value():
    def f(torch):
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        buf = torch.zeros(3, 2)
        buf[1] = w * 2
        buf[2, 0] = w[1]
        out = [graph(buf.grad_fn), buf.requires_grad, buf.is_leaf]
        (buf * buf).sum().backward()
        return out + [w.grad]
    same(f)


def test_view_of_buffer_written_with_grad_value():
    def f(torch):
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        buf = torch.zeros(3, 2)
        row = buf[1]
        row.copy_(w)
        out = [graph(buf.grad_fn), graph(row.grad_fn), buf.requires_grad, row.requires_grad]
        buf.sum().backward()
        return out + [w.grad]
    same(f)


# --- views after their base changes ------------------------------------------------------------

def test_view_grad_fn_after_base_inplace():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        v = h[:, 0]
        before = graph(v.grad_fn)
        h.mul_(2)
        after = graph(v.grad_fn)
        v.sum().backward()
        return before, after, v, x.grad
    same(f)


def test_view_of_view_after_base_inplace():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        v = h.t()[1:]
        h.exp_()
        out = [graph(v.grad_fn), v]
        (v * 2).sum().backward()
        return out + [x.grad]
    same(f, tol=1e-6)


def test_view_after_sibling_view_inplace():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        a = h[0]
        b = h[1]
        a.add_(10)
        out = [graph(b.grad_fn), graph(a.grad_fn), graph(h.grad_fn), b._version]
        (b * h[0]).sum().backward()
        return out + [x.grad]
    same(f)


def test_base_requires_grad_after_view_write():
    def f(torch):
        w = torch.tensor(2.0, requires_grad=True)
        base = torch.zeros(3)
        v = base[1:]
        v.mul_(w)
        return base.requires_grad, v.requires_grad, base.grad_fn, v.grad_fn, base.is_leaf
    same(f)


# --- detach, detach_, .data -------------------------------------------------------------------

def test_detach_shares_data_and_version():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        d = x.detach()
        d[0] = 5.0
        return x, d, x._version, d._version, d.requires_grad, d.is_leaf, d._base is None
    same(f)


def test_detach_of_view_and_nonleaf():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 2
        d = h[0].detach()
        d.add_(1)
        return h, h._version, d._version, d.grad_fn, d.requires_grad
    same(f)


def test_detach_inplace_nonleaf():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        r = h.detach_()
        return r is h, h.requires_grad, h.grad_fn, h.is_leaf, h
    same(f)


def test_detach_inplace_on_view():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 2
        h[0].detach_()
    same(f)


def test_detach_inplace_on_view_of_leaf_under_no_grad():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        v = x[0]
        v.detach_()
        return v.requires_grad, v.grad_fn, x.requires_grad
    same(f)


def test_data_has_own_version_and_no_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        d = x.data
        d.mul_(3)
        return x, x._version, d._version, d.requires_grad, d.is_leaf, x.requires_grad
    same(f)


def test_data_assignment():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        x.data = torch.tensor([5.0, 6.0, 7.0])
        z = (x * 3).sum()
        z.backward()
        return x, x.grad, x.requires_grad, x.shape, y
    same(f)


# --- the in-place update of a training loop -----------------------------------------------------

def test_sgd_loop_under_no_grad():
    def f(torch):
        w = torch.tensor([[0.5, -0.25], [1.0, 0.75]], requires_grad=True)
        b = torch.tensor([0.1, -0.2], requires_grad=True)
        xs = torch.tensor([[1.0, 2.0], [0.5, -1.0], [2.0, 0.0]])
        ys = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
        lr = 0.1
        losses = []
        for step in range(5):
            loss = ((xs @ w + b - ys) ** 2).mean()
            loss.backward()
            with torch.no_grad():
                w -= lr * w.grad
                b.sub_(lr * b.grad)
                w.grad.zero_()
                b.grad = None
            losses.append(loss.item())
        return losses, w, b, w.grad, b.grad, w.is_leaf, w._version, b._version
    same(f, tol=1e-6)


def test_update_with_data_attribute():
    def f(torch):
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        for _ in range(3):
            (w * w).sum().backward()
            w.data -= 0.1 * w.grad.data
            w.grad.data.zero_()
        return w, w.grad, w._version, w.is_leaf
    same(f)


def test_update_without_no_grad_raises():
    def f(torch):
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        (w * w).sum().backward()
        w -= 0.1 * w.grad
    same(f)


# --- views created under no_grad, multi-output views -----------------------------------------

def test_view_created_in_no_grad():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        with torch.no_grad():
            v = h[0]
            vl = x[0]
        out = [v.requires_grad, v.grad_fn, v.is_leaf, vl.requires_grad, vl.is_leaf, v._base is h]
        try:
            v.mul_(2)
        except RuntimeError as e:
            out.append(e)
        try:
            vl.mul_(2)
        except RuntimeError as e:
            out.append(e)
        with torch.no_grad():
            v.mul_(2)
        out += [h, graph(h.grad_fn)]
        return out
    same(f)


def test_view_created_in_no_grad_used_in_graph():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        with torch.no_grad():
            v = x[0]
        y = (v * 3).sum()
        return y.requires_grad, graph(y.grad_fn)
    same(f)


@pytest.mark.parametrize("fn", ["unbind", "split", "chunk", "split_sizes", "unbind_dim1",
                                "tensor_split"])
def test_multi_output_view_inplace(fn):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        parts = {"unbind": lambda: h.unbind(0), "split": lambda: h.split(1),
                 "chunk": lambda: h.chunk(2), "split_sizes": lambda: h.split([1, 1]),
                 "unbind_dim1": lambda: torch.unbind(h, 1),
                 "tensor_split": lambda: h.tensor_split(2)}[fn]()
        parts[1].mul_(2)
    same(f)


def test_multi_output_view_inplace_no_grad_is_fine():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        a, b = h.unbind(0)
        with torch.no_grad():
            b.mul_(2)
        return h, a, b, graph(b.grad_fn)
    same(f)


def test_multi_output_view_of_tensor_without_grad():
    def f(torch):
        h = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
        a, b = h.unbind(0)
        b.mul_(2)
        return h, a, b
    same(f)


def test_iterating_a_tensor_gives_unbind_views():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        rows = list(h)
        out = [graph(rows[0].grad_fn)]
        try:
            rows[0].add_(1)
        except RuntimeError as e:
            out.append(e)
        return out
    same(f)


def test_tensor_split_parts_are_slices():
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        return [graph(p.grad_fn) for p in x.tensor_split(2)] + [graph(p.grad_fn) for p in
                                                                  x.tensor_split([1], 1)]
    same(f)


@pytest.mark.parametrize("kind", ["unbind_base", "unbind_sibling", "no_grad_view"])
def test_view_unusable_after_base_changes(kind):
    """Views that cannot get an AsStridedBackward0 history raise when used after their base
    (or a sibling view) was modified in place."""
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        out = []
        if kind == "unbind_base":
            a, v = h.unbind(0)
            h.mul_(2)
        elif kind == "unbind_sibling":
            a, v = h.unbind(0)
            with torch.no_grad():
                a.mul_(2)
        else:
            with torch.no_grad():
                v = h[1]
            h.mul_(2)
        for use in (lambda: v.grad_fn, lambda: v * 2, lambda: v.is_leaf, lambda: v.sum()):
            try:
                out.append(use())
            except RuntimeError as e:
                out.append(e)
        return out
    same(f)


@pytest.mark.parametrize("kind", ["unbind", "no_grad_view"])
def test_requires_grad_of_view_after_base_changes(kind):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        h = x * 1
        if kind == "unbind":
            a, v = h.unbind(0)
        else:
            with torch.no_grad():
                v = h[1]
        h.mul_(2)
        return v.requires_grad
    same(f)


# --- an in-place op that reads what it writes --------------------------------------------------

@pytest.mark.parametrize("case", ["mul_self", "pow_self", "add_self", "view_mul_self",
                                  "div_self_view", "mul_self_no_grad_needed"])
def test_inplace_reading_its_own_target(case):
    """Inputs sharing the written tensor's version counter are saved (and keep their history)
    from before the write: torch raises when the backward needs them."""
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        h = x * 1
        if case == "mul_self":
            h.mul_(h)
        elif case == "pow_self":
            h.pow_(h)
        elif case == "add_self":
            h.add_(h)
        elif case == "view_mul_self":
            v = h[0:2]
            v.mul_(v)
        elif case == "div_self_view":
            v = h[1:]
            v.div_(v)
        else:
            w = torch.tensor([1.0, 2.0, 3.0])
            w.mul_(w)
            h.mul_(w)
        out = [graph(h.grad_fn), h]
        try:
            h.sum().backward()
        except RuntimeError as e:
            out.append(e)
        return out + [x.grad]
    same(f)


@pytest.mark.parametrize("grad", [False, True])
def test_inplace_with_partially_overlapping_operand(grad):
    def f(torch):
        y = torch.arange(4.0, requires_grad=grad) * 1
        y[1:].add_(y[:3])
        return y
    same(f)


@pytest.mark.parametrize("case", ["setitem", "view_add_", "add_", "detached_view_leaf"])
def test_inplace_on_leaf_that_is_a_view(case):
    """A leaf requiring grad that is itself a view (of a tensor not requiring grad)."""
    def f(torch):
        x = torch.arange(6.0).reshape(2, 3).requires_grad_()
        out = [x._base is not None, x.is_leaf]
        if case == "setitem":
            x[0] = 1.0
        elif case == "view_add_":
            x[0].add_(1)
        elif case == "add_":
            x.add_(1)
        else:
            d = x.detach()[0]
            d.add_(1)
            out += [d.requires_grad, x]
        return out
    same(f)


def test_backward_from_view_after_base_inplace():
    def f(torch):
        x = torch.tensor([[-0.5, 2.0]], requires_grad=True)
        h = x * 1
        v = h.transpose(0, 1)
        h.mul_(0.5)
        v.backward(torch.tensor([[1.0], [1.0]]))
        return x.grad, graph(v.grad_fn)
    same(f)


def test_grad_wrt_view_after_base_inplace():
    def f(torch):
        x = torch.tensor([[-0.5, 2.0]], requires_grad=True)
        h = x * 1
        v = h.transpose(0, 1)
        h.mul_(0.5)
        y = (v * 3).sum()
        return torch.autograd.grad(y, [v, x])
    same(f)


def _second_order_through_write(torch, where):
    x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], dtype=torch.float64, requires_grad=True)
    w = torch.tensor([3.0, 4.0, 5.0], dtype=torch.float64, requires_grad=True)
    h = x * 2
    if where == "view":
        h[0].mul_(w)
    elif where == "setitem":
        h[1] = w * w
    elif where == "transposed_grad":
        h[0].add_(w)
        h = h.t()
    else:
        h.add_(w)
    gx, gw = torch.autograd.grad((h * h).sum(), (x, w), create_graph=True)
    return gx, gw


@pytest.mark.parametrize("where", ["view", "setitem", "transposed_grad", "whole"])
def test_second_order_values_through_writes(where):
    def f(torch):
        gx, gw = _second_order_through_write(torch, where)
        leaves = [n.variable for n in _leaves(gx.grad_fn)]  # x and w, found through the graph
        second = torch.autograd.grad((gx ** 2).sum() + (gw ** 2).sum(), leaves, allow_unused=True)
        return gx.detach(), gw.detach(), second
    same(f, tol=1e-12)


def _leaves(node):
    """The leaves' AccumulateGrad nodes under ``node``, in discovery order."""
    found, seen, stack = [], set(), [node]
    while stack:
        n = stack.pop()
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        if hasattr(n, "variable"):
            found.append(n)
        stack.extend(m for m, _ in reversed(n.next_functions))
    return found


@pytest.mark.parametrize("where", ["view", "setitem", "transposed_grad", "whole"])
def test_second_order_graph_through_writes(where):
    """The gradient's graph through CopySlices: CopyBackwards, AsStridedBackward0, CloneBackward0
    and the CopySlices of the write-back, as torch's CopySlices backward builds it."""
    def f(torch):
        gx, gw = _second_order_through_write(torch, where)
        return graph(gx.grad_fn), graph(gw.grad_fn)
    same(f)


# --- torch's check_inplace for views: which views may be modified in place, and its messages ---
# torch runs these checks when any input of the in-place op requires grad (not only self): a
# view made in no_grad mode (of any tensor), an output of a multi-output view op (split, chunk,
# unbind) and views derived from them refuse; the message names the view's own node ("Output 0
# of View ...", "... is a view of a view which was created in no_grad mode") or, for a view
# without one, "A view was created in no_grad mode".  Then a view of a leaf, then a leaf (read
# without regenerating a view's grad_fn).

VIEW_INPLACE = {
    "split_view": "x = T.tensor([0.0], requires_grad=True); v = x.split(1, 0)[0].view((1,)); "
                  "v.mul_(2)",
    "split_select": "x = T.tensor([0.0, 1.0], requires_grad=True); v = x.split(1, 0)[1][0]; "
                    "v.mul_(2)",
    "unbind_view": "x = T.tensor([0.0, 1.0], requires_grad=True); "
                   "v = (x * 1).unbind(0)[1].view(1); v.mul_(2)",
    "chunk_view_t": "x = T.tensor([0.0, 1.0], requires_grad=True); "
                    "v = (x * 1).chunk(2)[1].view(1).t(); v.mul_(2)",
    "split_sizes": "x = T.tensor([0.0, 1.0], requires_grad=True); v = (x * 1).split([1, 1])[1]; "
                   "v.mul_(2)",
    "split_sizes_expand": "x = T.tensor([0.0, 1.0], requires_grad=True); "
                          "v = (x * 1).split([1, 1])[1].expand(1, 1); v.mul_(2)",
    "chunk_of_constant": "x = T.tensor([1.0]); w = T.tensor(3.0, requires_grad=True); "
                         "v = x.chunk(1, 0)[0]; v += w",
    "split_of_constant_view": "x = T.tensor([1.0, 2]); w = T.tensor(3.0, requires_grad=True); "
                              "v = x.split(1, 0)[1].view(1); v.mul_(w)",
    "split_of_constant_no_grad_operand": "x = T.tensor([1.0, 2]); v = x.split(1, 0)[1]; v.mul_(2)",
    "no_grad_view": "x = T.tensor([1.0, 2], requires_grad=True)\n"
                    "with T.no_grad(): v = x[1:]\nv.mul_(2)",
    "view_of_no_grad_view": "x = T.tensor([1.0, 2], requires_grad=True)\n"
                            "with T.no_grad(): v = x[1:]\nw = v.view(1); w.mul_(2)",
    "no_grad_view_of_constant": "x = T.tensor([1.0, 2]); w = T.tensor(3.0, requires_grad=True)\n"
                                "with T.no_grad(): v = x[1:]\nv.mul_(w)",
    "no_grad_split": "x = T.tensor([1.0, 2], requires_grad=True)\n"
                     "with T.no_grad(): v = x.split(1)[1]\nw = v.view(1); w.mul_(2)",
    "no_grad_view_of_split": "x = T.tensor([1.0, 2], requires_grad=True); v = (x * 1).split(1)[1]\n"
                             "with T.no_grad(): w = v.view(1)\nw.mul_(2)",
    "no_grad_view_requires_grad_": "x = T.tensor([1.0, 2])\nwith T.no_grad(): v = x[1:]\n"
                                   "v.requires_grad_(); v.mul_(2)",
    "no_grad_view_requires_grad_used": "x = T.tensor([1.0, 2])\nwith T.no_grad(): v = x[1:]\n"
                                       "v.requires_grad_(); (v * 2).sum().backward(); v.grad.add_(1)",
    "detach_of_no_grad": "x = T.tensor([1.0, 2]); w = T.tensor(3.0, requires_grad=True)\n"
                         "with T.no_grad(): v = x.detach()\nv.add_(w); v.sum()",
    "view_of_leaf_made_differentiable": "x = T.tensor([0.0]); w = T.tensor(2.0, requires_grad=True); "
                                        "v = x.reshape(-1); x.add_(w); v.mul_(0.1)",
    "view_of_leaf_regenerated_first": "x = T.tensor([0.0]); w = T.tensor(2.0, requires_grad=True); "
                                      "v = x.reshape(-1); x.add_(w); v.grad_fn; v.mul_(0.1)",
    "custom_function_view": """
class F(T.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x.view(2)
    @staticmethod
    def backward(ctx, g): return g
y = F.apply(T.tensor([0.0, 1.0], requires_grad=True) * 1)
y.mul_(2)""",
    "view_of_custom_function_view": """
class F(T.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x.view(2)
    @staticmethod
    def backward(ctx, g): return g
y = F.apply(T.tensor([0.0, 1.0], requires_grad=True) * 1)
y.view(1, 2).mul_(2)""",
    "leaf_view_before_shape": "x = T.tensor(3.0, requires_grad=True); "
                              "x.reshape((1,)).mul_(T.tensor([1.0, 2.0]))",
    "leaf_before_shape": "x = T.tensor([3.0], requires_grad=True); x.mul_(T.tensor([1.0, 2.0]))",
    "int_no_grad_view_float_operand": "x = T.tensor([1, 2]); w = T.tensor(3.0, requires_grad=True)\n"
                                      "with T.no_grad(): v = x[1:]\nv.add_(w)",
    # the base (or another view) modified in place: the view's grad_fn is read
    "indirect_no_grad_view_of_constant": "x = T.tensor([1.0, 2]); w = T.tensor(3.0, "
                                         "requires_grad=True)\nwith T.no_grad(): v = x[1:]\n"
                                         "x.mul_(w); v.grad_fn",
    "indirect_split_of_constant": "x = T.tensor([1.0, 2]); w = T.tensor(3.0, requires_grad=True); "
                                  "v = x.split(1)[1]; x.mul_(w); v.grad_fn",
    "indirect_view_of_split": "x = T.tensor([1.0, 2], requires_grad=True); w = T.tensor(3.0, "
                              "requires_grad=True); v = (x * 1).split(1)[1].view(1); "
                              "v._base.mul_(w); v.grad_fn",
    "indirect_view_of_no_grad_view": "x = T.tensor([1.0, 2], requires_grad=True); w = T.tensor("
                                     "3.0, requires_grad=True); b = x * 1\nwith T.no_grad(): "
                                     "v = b[1:]\nu = v.view(1); b.mul_(w); u.grad_fn",
}

VIEW_INPLACE_XFAIL = {}


def _view_inplace_params():
    return [pytest.param(name, id=name, marks=[pytest.mark.xfail(
        strict=True, reason=VIEW_INPLACE_XFAIL[name])] if name in VIEW_INPLACE_XFAIL else [])
        for name in VIEW_INPLACE]


@pytest.mark.parametrize("name", _view_inplace_params())
def test_view_inplace_checks(name):
    def f(torch):
        env = {"T": torch}
        exec(VIEW_INPLACE[name], env)
        return env.get("v"), env.get("x")
    same(f)


@pytest.mark.parametrize("op", ["hypot", "pow", "atan2_then_exp"])
@pytest.mark.parametrize("modify", ["input", "result", "both"])
def test_version_error_names_saved_inputs_before_the_result(op, modify):
    # torch unpacks a node's saved inputs (alphabetically) before its saved result: the error
    # names the first modified value in that order
    def f(torch):
        a = torch.tensor([0.5, 1.5], requires_grad=True)
        b = torch.tensor([2.0, 3.0], requires_grad=True)
        x = a * 1
        if op == "hypot":
            y = torch.hypot(x, b)
        elif op == "pow":
            y = x.pow(b * 1)
        else:
            y = torch.atan2(x, b).exp()
        if modify in ("input", "both"):
            x.mul_(2)
        if modify in ("result", "both"):
            y.add_(1)
        y.sum().backward()
    same(f)


@pytest.mark.parametrize("op", ["sigmoid_", "exp_", "tanh_"])
@pytest.mark.parametrize("read_grad_fn", [False, True])
def test_version_error_of_result_saved_in_place_on_a_view(op, read_grad_fn):
    # the result an in-place op on a view saves is named after the view's grad_fn (AsStrided)
    def f(torch):
        x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
        v = (-x).narrow(0, 1, 2)
        getattr(v, op)()
        fn = v.grad_fn if read_grad_fn else None
        v.mul_(2)
        v.sum().backward()
        return fn
    same(f)


@pytest.mark.parametrize("retain", [False, True])
@pytest.mark.parametrize("root", ["sum", "self"])
def test_version_error_of_result_saved_on_a_view_follows_node_lifetime(retain, root):
    # torch keeps only a weak reference to the view's grad_fn: once the graph drops it (a
    # backward without retain_graph frees CopySlices' op node), the error names the op's node
    def f(torch):
        x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
        v = (-x).narrow(0, 1, 2)
        v.sigmoid_()
        v.mul_(2)
        r = v.sum() if root == "sum" else v
        r.backward(torch.ones_like(r), retain_graph=retain)
    same(f)
