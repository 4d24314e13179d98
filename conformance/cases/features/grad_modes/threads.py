# Grad modes: grad mode is thread-local: no_grad in one thread does not affect another,
# and a new thread starts with grad enabled; backward runs in worker threads too.
import threading
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
results = {}


def worker(name, use_no_grad):
    if use_no_grad:
        with torch.no_grad():
            results[name] = (torch.is_grad_enabled(), (x * 2).requires_grad)
    else:
        results[name] = (torch.is_grad_enabled(), (x * 2).requires_grad)


with torch.no_grad():
    t = threading.Thread(target=worker, args=('thread started under main no_grad', False))
    t.start()
    t.join()
    results['main inside no_grad'] = (torch.is_grad_enabled(), (x * 2).requires_grad)
t = threading.Thread(target=worker, args=('thread with its own no_grad', True))
t.start()
t.join()
results['main after'] = (torch.is_grad_enabled(), (x * 2).requires_grad)
torch.set_grad_enabled(False)
t = threading.Thread(target=worker, args=('thread after main set_grad_enabled(False)', False))
t.start()
t.join()
results['main with grad disabled'] = (torch.is_grad_enabled(),)
torch.set_grad_enabled(True)
for key in results:
    print(key, results[key])

grads = {}


def train(name, scale):
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * w * scale).sum().backward()
    grads[name] = w.grad


threads = [threading.Thread(target=train, args=(f't{i}', i)) for i in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for name in sorted(grads):
    print(name, grads[name])
with torch.inference_mode():
    th = threading.Thread(target=lambda: results.__setitem__('inference in thread', torch.is_inference_mode_enabled()))
    th.start()
    th.join()
print(results['inference in thread'])
